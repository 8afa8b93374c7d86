import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { entityCommand } from "../shared/entity-command";

/**
 * A unit's movement, relayed to the players who see it
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerEntityCommand.cs`; sent by
 * `Source/NexusForever.Game/Entity/Movement/MovementManager.cs`). u32 unit id, u32 the unit's
 * movement clock (ms), bit time reset, bit server controlled (false for a player steering itself),
 * u5 count of entity commands.
 */
export const ServerEntityCommand = definePacket({
  name: "ServerEntityCommand",
  opcode: 0x0638,
  origin: "genuine",
  direction: "server",
  fields: {
    unitId: t.u32,
    time: t.u32,
    timeReset: t.bool,
    serverControlled: t.bool,
    commands: t.array(t.uint(5), entityCommand),
  },
});
