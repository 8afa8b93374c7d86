import { CHAT_CHANNEL_TYPE, ServerChat } from "@bezgelor/protocol";
import { fitText } from "../server/fit-text";
import type { Session } from "../server/session";

/** A line of text from the server in the player's chat window (system channel by default). */
export function systemMessage(session: Session, text: string, channelType: number = CHAT_CHANNEL_TYPE.System): void {
  session.send(ServerChat, {
    channel: { type: channelType, chatId: 0n },
    gm: false,
    self: false,
    autoResponse: false,
    from: { realmId: 0, characterId: 0n },
    fromName: "",
    fromRealm: "",
    presenceState: 0,
    text: fitText(ServerChat.fields.text, text),
    formats: [],
    crossFaction: false,
    chatMessageId: 0,
    unitId: 0,
    premiumTier: 0,
  });
}
