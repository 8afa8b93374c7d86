import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The outcome of taking an attachment (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerMailTakeAttachment.cs`): u64 mail id,
 * GenericError u8, u32 attachment index.
 */
export const ServerMailTakeAttachment = definePacket({
  name: "ServerMailTakeAttachment",
  opcode: 0x05a8,
  origin: "genuine",
  direction: "server",
  fields: {
    mailId: t.u64,
    result: t.u8,
    index: t.u32,
  },
});
