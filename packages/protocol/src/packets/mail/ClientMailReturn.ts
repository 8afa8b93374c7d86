import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Returns a mail to its sender (NexusForever `Source/NexusForever.Network.World/Message/Model/ClientMailReturn.cs`): u64 mail id. Answered by
 * ServerMailUnavailable and ServerMailResult action 1.
 */
export const ClientMailReturn = definePacket({
  name: "ClientMailReturn",
  opcode: 0x0124,
  origin: "genuine",
  direction: "client",
  fields: {
    mailId: t.u64,
  },
});
