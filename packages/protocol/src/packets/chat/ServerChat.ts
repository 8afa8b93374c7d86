import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { chatChannel, chatFormat } from "../shared/chat";
import { identity } from "../shared/identity";

/** A chat message shown to the client (NexusForever `Model/Chat/ServerChat.cs`). */
export const ServerChat = definePacket({
  name: "ServerChat",
  opcode: 0x01c8,
  origin: "genuine",
  direction: "server",
  fields: {
    channel: chatChannel,
    gm: t.bool,
    self: t.bool,
    autoResponse: t.bool,
    from: identity,
    fromName: t.wstring({ max: 64 }),
    fromRealm: t.wstring({ max: 64 }),
    /** Available 0, Away 1, Busy 2, Invisible 3. */
    presenceState: t.uint(3),
    text: t.wstring({ max: 1024 }),
    formats: t.array(t.uint(5), chatFormat),
    crossFaction: t.bool,
    /** Always 0 from the server. */
    chatMessageId: t.u16,
    unitId: t.u32,
    premiumTier: t.u8,
  },
});
