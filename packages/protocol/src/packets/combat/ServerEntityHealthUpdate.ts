import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * A unit's health changed, sent to those who see it (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerEntityHealthUpdate.cs`, sent by
 * `Source/NexusForever.Game/Entity/UnitEntity.cs` on every health change): u32 unit, u32 health,
 * then one bit that NexusForever's newer models call IsDead (the client shows the dead state only
 * at health 0).
 */
export const ServerEntityHealthUpdate = definePacket({
  name: "ServerEntityHealthUpdate",
  opcode: 0x0937,
  origin: "genuine",
  direction: "server",
  fields: {
    unitId: t.u32,
    health: t.u32,
    dead: t.bool,
  },
});
