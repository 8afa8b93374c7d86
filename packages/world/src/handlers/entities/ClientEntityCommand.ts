import { WorldError } from "../../errors";
import { handler } from "../types";

/**
 * The client steering its own unit (the packet names no unit: it is always the one
 * ServerMovementControl gave it). The commands are checked and applied all or nothing
 * (`world/movement.ts`: bounded values, a known platform, the speed budget) and the unit's new
 * movement is relayed to the players who see it. While the world is still loading the client has
 * no control yet, so its commands are ignored, as NexusForever ignores commands for a unit the
 * client does not control.
 * @throws WorldError MOVEMENT_REFUSED: nothing changed, nobody else was told.
 */
export const clientEntityCommand = handler("ClientEntityCommand", {
  states: ["entering", "in-world"],
  handle({ session, services }, packet) {
    const character = session.requireCharacter();
    if (session.state === "entering") {
      session.logger.debug({ commands: packet.commands.length }, "movement before the client has control: ignored");
      return;
    }
    const result = services.world.move(character.id, packet.commands);
    if (!result.ok) {
      throw new WorldError("MOVEMENT_REFUSED", `movement refused: ${result.reason}`, {
        details: { commands: packet.commands.map((c) => c.command), clientTime: packet.time },
      });
    }
  },
});
