import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Takes the credits of a mail (NexusForever `Source/NexusForever.Network.World/Message/Model/ClientMailTakeCash.cs`): u64 mail id, u32 mailbox unit id.
 * Answered by ServerMailResult action 2.
 */
export const ClientMailTakeCash = definePacket({
  name: "ClientMailTakeCash",
  opcode: 0x0127,
  origin: "genuine",
  direction: "client",
  fields: {
    mailId: t.u64,
    unitId: t.u32,
  },
});
