import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Removes a unit from the client: it left the viewer's range or the world
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerEntityDestroy.cs`; sent by
 * `Source/NexusForever.Game/Entity/Player.cs` RemoveVisible with the bit set). u32 unit id, then one
 * bit that NexusForever-NEW calls UseDeathAnimation (it only affects chests).
 */
export const ServerEntityDestroy = definePacket({
  name: "ServerEntityDestroy",
  opcode: 0x0355,
  origin: "genuine",
  direction: "server",
  fields: {
    unitId: t.u32,
    useDeathAnimation: t.bool,
  },
});
