import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * One integer stat of a unit changed (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerEntityStatUpdateInteger.cs`,
 * its fields from `ServerEntityStatUpdateFloat.cs` and `Shared/StatValueUpdate.cs`; sent by
 * `Game/Entity/WorldEntity.cs` SetStat for stats marked to send, such as Level when a player levels
 * up): u32 unit, u5 stat (`STAT`, e.g. Level 10), u32 value.
 */
export const ServerEntityStatUpdateInteger = definePacket({
  name: "ServerEntityStatUpdateInteger",
  opcode: 0x0938,
  origin: "genuine",
  direction: "server",
  fields: {
    unitId: t.u32,
    stat: t.uint(5),
    value: t.u32,
  },
});
