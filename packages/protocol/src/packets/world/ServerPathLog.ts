import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The character's paths on entering: active path (3 bits: Soldier 0, Settler 1, Scientist 2,
 * Explorer 3), XP progress of each of the four paths (u32 each), the unlocked paths (4-bit mask,
 * 1 << path), and days since the active path was chosen (f32)
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerPathLog.cs`,
 * `Source/NexusForever.Game.Static/Entity/Path.cs`, `PathUnlockedMask.cs`).
 */
export const ServerPathLog = definePacket({
  name: "ServerPathLog",
  opcode: 0x06bc,
  origin: "genuine",
  direction: "server",
  fields: {
    activePath: t.uint(3),
    pathProgress: t.fixedArray(4, t.u32),
    pathUnlockedMask: t.uint(4),
    timeSinceLastActivateInDays: t.f32,
  },
});
