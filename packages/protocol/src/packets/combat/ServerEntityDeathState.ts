import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * A unit died or was resurrected, sent to those who see it and to itself (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerEntityDeathState.cs`, sent by
 * `Source/NexusForever.Game/Entity/UnitEntity.cs` OnDeath): u32 unit, bit dead, u5 reason (the
 * client does not use it), u32 health on resurrection.
 */
export const ServerEntityDeathState = definePacket({
  name: "ServerEntityDeathState",
  opcode: 0x088c,
  origin: "genuine",
  direction: "server",
  fields: {
    unitId: t.u32,
    dead: t.bool,
    reason: t.uint(5),
    rezHealth: t.u32,
  },
});
