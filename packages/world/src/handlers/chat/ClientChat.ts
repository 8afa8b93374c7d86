import { chatTextProblem } from "@bezgelor/core";
import { CHAT_CHANNEL_TYPE, CHAT_RESULT, ServerChat, ServerChatResult, type ClientPacketValues } from "@bezgelor/protocol";
import { systemMessage } from "../../game/system-message";
import { runGmCommand } from "../../gm/run-command";
import { packet } from "../../server/outgoing";
import type { Session } from "../../server/session";
import { IN_WORLD } from "../../server/states";
import { handler, type HandlerContext } from "../types";

/** Channels this server delivers, to the players who see the speaker (and the speaker). */
const ZONE_CHANNELS = new Set<number>([CHAT_CHANNEL_TYPE.Say, CHAT_CHANNEL_TYPE.Yell, CHAT_CHANNEL_TYPE.Zone, CHAT_CHANNEL_TYPE.Emote]);

/**
 * Chat. A message starting with `!` is a chat command, the way the emulators take them (GM
 * commands, and `!help` and `!redeem` for every player); its reply comes back on the debug channel. A line that is
 * empty or holds a control character or a bidirectional override (core `chatTextProblem`) is
 * answered InvalidMessageText and goes to nobody. Other messages on say, yell, zone and
 * emote go to the speaker and every player whose client has the speaker's unit (within 128 m:
 * `WorldMaps.toViewersOf`); other channels do not exist here yet and say so.
 */
export const clientChat = handler("ClientChat", {
  states: IN_WORLD,
  // Not async: a chat line is handled synchronously (no promise per line); only a command waits.
  handle(ctx, message) {
    const { session, services } = ctx;
    const character = session.requireCharacter();
    const text = message.message.trim();
    if (text.startsWith("!")) return chatCommand(ctx, message, text);
    const problem = chatTextProblem(text);
    if (problem !== undefined) {
      session.logger.info({ channel: message.channel.type, problem }, "chat line refused");
      return answer(session, message, CHAT_RESULT.InvalidMessageText);
    }
    if (!ZONE_CHANNELS.has(message.channel.type)) return answer(session, message, CHAT_RESULT.DoesntExist);
    // The GM flag shows the role as last known: read at login, updated by the account.role-changed
    // event, so a chat line costs no database round trip.
    const role = session.shownRole;
    const out = packet(ServerChat, {
      channel: message.channel,
      gm: role !== "player",
      self: false,
      autoResponse: false,
      from: { realmId: services.config.server.realmId, characterId: BigInt(character.id) },
      fromName: character.name,
      fromRealm: "",
      presenceState: 0,
      text,
      formats: message.formats,
      crossFaction: false,
      chatMessageId: 0,
      unitId: services.world.unitOf(character.id)?.id ?? 0,
      premiumTier: 0,
    });
    services.world.toViewersOf(character.id, out);
    answer(session, message, CHAT_RESULT.Ok);
    return undefined;
  },
});

/**
 * Runs the chat command `text` and answers it. A function of its own: a closure inside the handler
 * would make every chat line pay for the context it captures, commands or not.
 */
function chatCommand(ctx: HandlerContext, message: ClientPacketValues["ClientChat"], text: string): Promise<void> {
  return runGmCommand(ctx, text).then((reply) => {
    answer(ctx.session, message, CHAT_RESULT.Ok);
    // Command output goes to the debug channel, apart from system lines such as title unlocks.
    systemMessage(ctx.session, reply, CHAT_CHANNEL_TYPE.Debug);
  });
}

/** The ServerChatResult of `message` (a function, not a closure made per line). */
function answer(session: Session, message: ClientPacketValues["ClientChat"], chatResult: number): void {
  session.send(ServerChatResult, { channel: message.channel, chatResult, chatMessageId: message.chatMessageId });
}
