import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Sent to those nearby when a mount is mounted or a vanity pet attached to its owner: u32 the
 * mount's or pet's unit, u32 0, bit 1 (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/Server08B3.cs`; meaning unexplained there).
 */
export const Server08B3 = definePacket({
  name: "Server08B3",
  opcode: 0x08b3,
  origin: "genuine",
  direction: "server",
  fields: { unitId: t.u32, unknown0: t.u32, unknown1: t.bool },
});
