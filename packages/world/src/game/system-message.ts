import { CHAT_CHANNEL_TYPE, ServerChat } from "@bezgelor/protocol";
import { fitText } from "../server/fit-text";
import type { Session } from "../server/session";

const MAX_TEXT = ServerChat.fields.text.shape.kind === "wstring" ? ServerChat.fields.text.shape.max : 0;

/**
 * `text` in pieces that each fit one ServerChat (1024 UTF-16 code units), split between lines:
 * lines are kept whole and together while they fit, and a single line longer than a piece is cut
 * with "…" (`fitText`). Empty text is one empty piece.
 */
export function chatPieces(text: string, max = MAX_TEXT): string[] {
  const pieces: string[] = [];
  let current: string | undefined;
  for (const line of text.split("\n")) {
    if (current !== undefined && current.length + 1 + line.length <= max) {
      current = `${current}\n${line}`;
      continue;
    }
    if (current !== undefined) pieces.push(current);
    current = line.length <= max ? line : fitText(ServerChat.fields.text, line);
  }
  pieces.push(current ?? "");
  return pieces;
}

/**
 * Text from the server in the player's chat window (system channel by default): one ServerChat,
 * or several in order when it is longer than one can carry ({@link chatPieces}), so a long reply
 * such as `!help` arrives whole.
 */
export function systemMessage(session: Session, text: string, channelType: number = CHAT_CHANNEL_TYPE.System): void {
  for (const piece of chatPieces(text)) {
    session.send(ServerChat, {
      channel: { type: channelType, chatId: 0n },
      gm: false,
      self: false,
      autoResponse: false,
      from: { realmId: 0, characterId: 0n },
      fromName: "",
      fromRealm: "",
      presenceState: 0,
      text: piece,
      formats: [],
      crossFaction: false,
      chatMessageId: 0,
      unitId: 0,
      premiumTier: 0,
    });
  }
}
