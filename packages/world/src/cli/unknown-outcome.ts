// When a change has been sent to the database, a failure means one of two things. Either the
// database answered with a refusal (a typed DbError such as INSUFFICIENT_FUNDS or
// IDEMPOTENCY_KEY_REUSED): its transaction rolled back and nothing changed. Or the conversation
// broke (the connection dropped, the reply was lost, the server died): the transaction may have
// committed or not, and only a retry with the same idempotency key can tell without paying twice.
import { DbError, outageReason } from "@bezgelor/db";
import { WorldError } from "../errors";
import type { CommandContext } from "./command";

/** Node socket errors and PostgreSQL's connection-exception and shutdown SQLSTATEs. */
const SOCKET_CODES = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ENOTCONN"]);
const SQLSTATE_LOST = /^(08|57P0)/;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** True when `error`, or anything in its `cause` chain, is a lost connection. */
export function isConnectionLoss(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === "object" && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = codeOf(e);
    if (code !== undefined && (SOCKET_CODES.has(code) || SQLSTATE_LOST.test(code))) return true;
    if (e instanceof Error && /connection (terminated|closed|lost)|socket hang up|server closed the connection/i.test(e.message)) return true;
  }
  return false;
}

/**
 * Whether a change whose request was sent may have been applied despite `error`: DbError INTERNAL
 * or CONNECTION_FAILED (the database gave no typed answer), a world DISCONNECTED or TIMEOUT (the
 * embedded database's owner went away mid-request), or any other error carrying a socket failure.
 * Every other DbError is a clean refusal: the database answered and rolled the change back.
 */
export function isUnknownOutcome(error: unknown): boolean {
  if (error instanceof DbError) return error.code === "INTERNAL" || error.code === "CONNECTION_FAILED";
  if (error instanceof WorldError) return error.code === "DISCONNECTED" || error.code === "TIMEOUT";
  return isConnectionLoss(error);
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A change a CLI command sends with an idempotency key, as {@link sendWithKey} takes it. */
export interface KeyedChange {
  /** What the change is, in messages: "grant", "purchase", "mail", "redemption". */
  readonly what: string;
  readonly key: string;
  /** Whether the CLI made the key up (no `--key`): it is then printed first. */
  readonly generated: boolean;
  /** The command line that retries the change safely (the same key). */
  readonly retry: string;
}

/**
 * Sends a change the way every CLI command taking an idempotency `--key` does: a generated key is
 * printed first with the command that retries safely (on stderr, even with --json), so the
 * operator always has it; when `isUnknownOutcome` of the failure, the retry command is printed on
 * a line of its own, to be copied as it is, and WorldError OUTCOME_UNKNOWN (exit 5; details: key,
 * retry) is thrown. Any other failure (a refusal: nothing changed) is thrown as it is.
 */
export async function sendWithKey<T>(ctx: Pick<CommandContext, "logger" | "notice">, change: KeyedChange, send: () => Promise<T>): Promise<T> {
  const { what, key, retry } = change;
  if (change.generated) ctx.notice(`idempotency key ${key} (to retry this ${what} safely: ${retry})`);
  try {
    return await send();
  } catch (error) {
    if (!isUnknownOutcome(error)) throw error;
    // The operator reads the one error line the CLI prints; the cause with its stack is for whoever
    // debugs the connection (BEZGELOR_LOG_LEVEL=debug), as a JSON line before it would only bury it.
    ctx.logger.debug({ err: error, key }, `${what} outcome unknown`);
    // A DbError's message is one line; a driver's or Prisma's own error is said by its code and first line.
    const why = error instanceof DbError || error instanceof WorldError ? error.message : outageReason(error);
    ctx.notice(`retry safely (applied at most once): ${retry}`);
    throw new WorldError(
      "OUTCOME_UNKNOWN",
      `the outcome is unknown: the ${what} was sent but no answer came back (${why}). It may or may not have been applied; ` +
        `retrying with --key ${key} (the command above) applies it at most once`,
      { cause: error, details: { key, retry } },
    );
  }
}
