import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Pays a mail's cash on delivery (NexusForever `Source/NexusForever.Network.World/Message/Model/ClientMailPayCOD.cs`): u64 mail id, u32 mailbox unit id.
 * Answered by ServerMailResult action 3.
 */
export const ClientMailPayCod = definePacket({
  name: "ClientMailPayCod",
  opcode: 0x0123,
  origin: "genuine",
  direction: "client",
  fields: {
    mailId: t.u64,
    unitId: t.u32,
  },
});
