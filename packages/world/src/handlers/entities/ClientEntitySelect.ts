import { WorldError } from "../../errors";
import { selectTarget } from "../../world/combat";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * The player selects a unit as its target, or clears it with 0 (NexusForever
 * `Handler/Entity/ClientEntityTargetHandler.cs`): those who see the player are sent
 * ServerEntityTargetUnit. The basic attack strikes the selected unit.
 * @throws WorldError NOT_FOUND for a unit the player does not see (nothing changes);
 *   WRONG_STATE when the character has no unit (a server bug).
 */
export const clientEntitySelect = handler("ClientEntitySelect", {
  states: IN_WORLD,
  handle({ session, services }, { unitId }) {
    const character = session.requireCharacter();
    const placed = services.world.placed(character.id);
    if (!placed) throw new WorldError("WRONG_STATE", `character ${character.id} has no unit in its world`);
    if (!selectTarget(placed.map, placed.unit, unitId)) throw new WorldError("NOT_FOUND", `no unit ${unitId} in sight`, { details: { unitId } });
  },
});
