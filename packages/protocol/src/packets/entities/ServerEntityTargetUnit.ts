import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * A unit's target changed, sent to everyone who sees the unit except the unit itself (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerEntityTargetUnit.cs`, sent by
 * `Source/NexusForever.Game/Entity/UnitEntity.cs` SetTarget): u32 unit, u32 new target (0: none),
 * u32 threat level.
 */
export const ServerEntityTargetUnit = definePacket({
  name: "ServerEntityTargetUnit",
  opcode: 0x0908,
  origin: "genuine",
  direction: "server",
  fields: {
    unitId: t.u32,
    newTargetId: t.u32,
    threatLevel: t.u32,
  },
});
