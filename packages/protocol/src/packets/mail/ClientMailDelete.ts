import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Deletes mail (NexusForever `Source/NexusForever.Network.World/Message/Model/ClientMailDelete.cs`): u32 count + u64 mail ids. Each answered by
 * ServerMailUnavailable and ServerMailResult action 5.
 */
export const ClientMailDelete = definePacket({
  name: "ClientMailDelete",
  opcode: 0x011e,
  origin: "genuine",
  direction: "client",
  fields: {
    mailIds: t.array(t.u32, t.u64, { max: 1000 }),
  },
});
