import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { chatChannel } from "../shared/chat";

/** `chatResult` values of {@link ServerChatResult} (NexusForever `ChatResult`, a subset). */
export const CHAT_RESULT = {
  Ok: 0,
  DoesntExist: 1,
  NoPermissions: 3,
  NoSpeaking: 4,
  Muted: 5,
  Throttled: 6,
  InvalidMessageText: 17,
  TruncatedText: 19,
} as const;

/** Outcome of a sent chat message; a failure removes it from the log (NexusForever `Model/Chat/ServerChatResult.cs`). */
export const ServerChatResult = definePacket({
  name: "ServerChatResult",
  opcode: 0x01d3,
  origin: "genuine",
  direction: "server",
  fields: {
    channel: chatChannel,
    chatResult: t.uint(5),
    chatMessageId: t.u16,
  },
});
