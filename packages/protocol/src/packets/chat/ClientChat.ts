import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { chatChannel, chatFormat } from "../shared/chat";

/**
 * A chat message, GM commands included (NexusForever `Model/Chat/ClientChat.cs`): channel, text,
 * up to 31 formatting spans, and a message id the client increments.
 */
export const ClientChat = definePacket({
  name: "ClientChat",
  opcode: 0x01c3,
  origin: "genuine",
  direction: "client",
  fields: {
    channel: chatChannel,
    message: t.wstring({ max: 1024 }),
    formats: t.array(t.uint(5), chatFormat),
    chatMessageId: t.u16,
  },
});
