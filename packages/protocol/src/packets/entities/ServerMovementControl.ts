import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Hands the client control of a unit: from now on it sends ClientEntityCommand for it
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerMovementControl.cs`, sent by
 * `Source/NexusForever.Game/Entity/Player.cs` SetControl with ticket 1, immediate). u32 ticket,
 * bit immediate, u32 unit id.
 */
export const ServerMovementControl = definePacket({
  name: "ServerMovementControl",
  opcode: 0x0636,
  origin: "genuine",
  direction: "server",
  fields: {
    ticket: t.u32,
    immediate: t.bool,
    unitId: t.u32,
  },
});
