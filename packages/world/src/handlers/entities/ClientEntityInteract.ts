import { INTERACTION_EVENT } from "@bezgelor/protocol";
import { WorldError } from "../../errors";
import { openVendorWindow } from "../../game/vendor-window";
import { IN_WORLD } from "../../server/states";
import { INTERACTION_RANGE } from "../../world/world-maps";
import { handler } from "../types";

/**
 * The player interacts with a unit (NexusForever `Handler/Entity/ClientEntityInteractionHandler.cs`).
 * The unit must be a spawned unit the player sees, within {@link INTERACTION_RANGE} metres.
 * Event 49 on a vendor opens it (`openVendorWindow`: the reputation gate and discount apply);
 * event 68 on a mailbox needs no answer (the client opens its own mail window). Other events are
 * logged and ignored, as NexusForever does.
 * @throws WorldError NOT_FOUND for a unit that does not exist or the player does not see;
 *   NOT_AVAILABLE for one out of range, or a vendor event on a unit that sells nothing, or a
 *   mailbox event on a unit that is no mailbox. Nothing changes.
 */
export const clientEntityInteract = handler("ClientEntityInteract", {
  states: IN_WORLD,
  async handle(ctx, { unitId, event }) {
    const { session, services } = ctx;
    const character = session.requireCharacter();
    const reach = services.world.reach(character.id, unitId);
    if (!reach.ok) {
      if (reach.reason === "out-of-range") {
        const distance = Math.round(reach.distance ?? 0);
        throw new WorldError("NOT_AVAILABLE", `unit ${unitId} is out of range (${distance} m, at most ${INTERACTION_RANGE} m)`, {
          details: { unitId, event, distance },
        });
      }
      throw new WorldError("NOT_FOUND", `no unit ${unitId} in sight`, { details: { unitId, event } });
    }
    const { unit } = reach;
    switch (event) {
      case INTERACTION_EVENT.Vendor: {
        const vendorId = unit.spawn.vendorId;
        const vendor = vendorId === undefined ? undefined : services.data.vendors.get(vendorId);
        if (!vendor) throw new WorldError("NOT_AVAILABLE", `unit ${unitId} sells nothing`, { details: { unitId, event } });
        await openVendorWindow(ctx, vendor, unitId);
        return;
      }
      case INTERACTION_EVENT.Mailbox:
        if (unit.spawn.type !== "mailbox") throw new WorldError("NOT_AVAILABLE", `unit ${unitId} is not a mailbox`, { details: { unitId, event } });
        session.logger.debug({ unitId }, "mailbox opened");
        return;
      default:
        session.logger.info({ unitId, event, creatureId: unit.creature.id }, "interaction not handled");
    }
  },
});
