import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The outcome of a mail request (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerMailResult.cs`): u32 action (1 send or return,
 * 2 take credits, 3 pay COD, 5 delete; 2 and 3 make the client refresh its mail), u64 mail id, and
 * the GenericError u8 (core MAIL_GENERIC_ERROR; 0 Ok).
 */
export const ServerMailResult = definePacket({
  name: "ServerMailResult",
  opcode: 0x05a2,
  origin: "genuine",
  direction: "server",
  fields: {
    action: t.u32,
    mailId: t.u64,
    result: t.u8,
  },
});
