// Why the server closed a headless client's connection, in words, from what it said last: a kick
// (ServerForceKick) or a logout it did not ask for (ServerLogout requested false, e.g. the server
// shutting down), so `bezgelor bot` says more than "the connection closed".
import { FORCE_KICK_REASON, LOGOUT_REASON, type ReceivedPacket } from "@bezgelor/protocol";
import type { WorldErrorCode } from "../errors";

const LOGOUT_REASON_NAMES = new Map<number, string>(Object.entries(LOGOUT_REASON).map(([name, value]) => [value, name]));

/**
 * " (the account logged in elsewhere)", " (logged out by the server: WorldServerConnectionLost, reason 15)",
 * or "" when the server said nothing before closing. The last kick or unrequested logout wins.
 */
export function closeReason(log: readonly ReceivedPacket<"client">[]): string {
  const last = log.findLast((p) => p.name === "ServerForceKick" || (p.name === "ServerLogout" && !p.value.requested));
  if (last?.name === "ServerForceKick") {
    return last.value.reason === FORCE_KICK_REASON.AccountDisconnect ? " (the account logged in elsewhere)" : ` (ServerForceKick reason ${last.value.reason})`;
  }
  if (last?.name === "ServerLogout") {
    const name = LOGOUT_REASON_NAMES.get(last.value.reason) ?? "an unknown reason";
    return ` (logged out by the server: ${name}, reason ${last.value.reason})`;
  }
  return "";
}

/**
 * The error code of a closed connection: CONFLICT (exit 4 for `bezgelor bot`) when the last thing
 * the server said was the kick for the account logging in elsewhere (another login holds it
 * now: retrying would only kick that one), else DISCONNECTED (exit 5: the server went away).
 */
export function closeCode(log: readonly ReceivedPacket<"client">[]): Extract<WorldErrorCode, "CONFLICT" | "DISCONNECTED"> {
  const last = log.findLast((p) => p.name === "ServerForceKick" || (p.name === "ServerLogout" && !p.value.requested));
  return last?.name === "ServerForceKick" && last.value.reason === FORCE_KICK_REASON.AccountDisconnect ? "CONFLICT" : "DISCONNECTED";
}
