import { CAST_RESULT, ServerSpellCastResult } from "@bezgelor/protocol";
import { WorldError } from "../../errors";
import { abilityAt, refuseCast, runCast } from "../../game/spells";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * The player casts the ability item at a bag index of its Ability bag (NexusForever
 * `Handler/Spell/ClientCastSpellHandler.cs`). The item's spell runs with its kind's handler
 * (`game/spells`, e.g. the basic attack). An empty bag slot, which NexusForever treats as a protocol
 * violation, is refused here (ServerSpellCastResult SpellUnknown and a log line): the client's bag
 * can lag the server's. A caster id that is not the player's own unit is refused (CasterUnknown);
 * so is a cast the caster's cooldowns do not allow yet (SpellCooldown, SpellGlobalCooldown).
 * @throws WorldError WRONG_STATE when the character has no unit (a server bug).
 */
export const clientCastSpell = handler("ClientCastSpell", {
  states: IN_WORLD,
  async handle(ctx, { clientUniqueId, bagIndex, casterId }) {
    const { session, services } = ctx;
    const character = session.requireCharacter();
    const placed = services.world.placed(character.id);
    if (!placed) throw new WorldError("WRONG_STATE", `character ${character.id} has no unit in its world`);
    const ability = abilityAt(services.data, bagIndex);
    if (!ability) {
      session.send(ServerSpellCastResult, { unknown0: 0, spell4Id: 0, castResult: CAST_RESULT.SpellUnknown });
      session.logger.info({ bagIndex, clientUniqueId }, "cast refused: no ability item at that bag index");
      return;
    }
    const cast = { ctx, spell: ability.spell, map: placed.map, caster: placed.unit, clientUniqueId };
    if (casterId !== placed.unit.id) {
      refuseCast(cast, CAST_RESULT.CasterUnknown, `caster ${casterId} is not the player's unit`, { casterId });
      return;
    }
    await runCast(cast, cast.spell.kind);
  },
});
