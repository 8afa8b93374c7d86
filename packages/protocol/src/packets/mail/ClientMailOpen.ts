import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Marks mail read (NexusForever `Source/NexusForever.Network.World/Message/Model/ClientMailOpen.cs`): u32 count + u64 mail ids.
 */
export const ClientMailOpen = definePacket({
  name: "ClientMailOpen",
  opcode: 0x0122,
  origin: "genuine",
  direction: "client",
  fields: {
    mailIds: t.array(t.u32, t.u64, { max: 1000 }),
  },
});
