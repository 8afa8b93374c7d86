import { CHAT_CHANNEL_TYPE, type ServerPacketValues } from "@bezgelor/protocol";
import type { HeadlessClient } from "../../src/client/headless-client";
import { resultCodeName } from "../../src/server/result-codes";

export interface CommandOutcome {
  /** The line the command answered with (debug channel). */
  reply?: string;
  /** The refusal's result code name, and its message. */
  refused?: string;
  message?: string;
}

/** Sends a chat command and returns its reply or its refusal. */
export async function gm(client: HeadlessClient, command: string): Promise<CommandOutcome> {
  client.say(command);
  const isReply = (p: { name: string; value: unknown }) =>
    p.name !== "ServerChat" || (p.value as ServerPacketValues["ServerChat"]).channel.type === CHAT_CHANNEL_TYPE.Debug;
  const packet = await client.waitForAny(["ServerChat", "ServerRequestResult"], isReply);
  if (packet.name === "ServerRequestResult") {
    const value = packet.value;
    return { refused: resultCodeName(value.code) ?? String(value.code), message: value.message };
  }
  return { reply: (packet.value as ServerPacketValues["ServerChat"]).text };
}
