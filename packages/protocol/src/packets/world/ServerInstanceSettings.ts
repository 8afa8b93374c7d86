import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The map's settings on entering (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerInstanceSettings.cs`): u2 difficulty, u32
 * prime level, u8 flags (0x01 world forces level scaling, 0x04 transmat teleport, 0x08 holocrypt
 * teleport), u32 how often the client sends its movement, ms (NexusForever: 125).
 */
export const ServerInstanceSettings = definePacket({
  name: "ServerInstanceSettings",
  opcode: 0x00f1,
  origin: "genuine",
  direction: "server",
  fields: {
    difficulty: t.uint(2),
    primeLevel: t.u32,
    flags: t.u8,
    clientEntitySendUpdateInterval: t.u32,
  },
});
