/** Error codes of the world package; each says what the caller should do with the session or process. */
export const WORLD_ERROR_CODES = {
  CONFIG_INVALID: "CONFIG_INVALID",
  USAGE: "USAGE",
  // Refusals of a player's or an operator's request: the client is told, the session goes on.
  NOT_FOUND: "NOT_FOUND",
  INVALID_INPUT: "INVALID_INPUT",
  /** The account's role does not allow it (GM commands, economy administration). */
  FORBIDDEN: "FORBIDDEN",
  NOT_OWNED: "NOT_OWNED",
  INSUFFICIENT_FUNDS: "INSUFFICIENT_FUNDS",
  REPUTATION_TOO_LOW: "REPUTATION_TOO_LOW",
  ALREADY_DONE: "ALREADY_DONE",
  /** Not possible right now (no vendor open, ...). */
  NOT_AVAILABLE: "NOT_AVAILABLE",
  CONFLICT: "CONFLICT",
  LIMIT_REACHED: "LIMIT_REACHED",
  /** A ClientEntityCommand that breaks the movement rules (out of bounds, too fast, an unseen platform): nothing moved. */
  MOVEMENT_REFUSED: "MOVEMENT_REFUSED",
  /** Something the request needs is down or taken (the database, the data directory). */
  UNAVAILABLE: "UNAVAILABLE",
  /** A packet arrived in a session state where it makes no sense: protocol violation. */
  WRONG_STATE: "WRONG_STATE",
  /** Login failed: wrong, expired or mismatched session key. Protocol violation, as in NexusForever. */
  AUTH_FAILED: "AUTH_FAILED",
  TIMEOUT: "TIMEOUT",
  /** The session closed while a handler was waiting: its remaining effects are dropped, nobody is told. */
  SESSION_CLOSED: "SESSION_CLOSED",
  DISCONNECTED: "DISCONNECTED",
  /** The store's offline journal holds a line that is not a journal entry: the server will not guess. */
  JOURNAL_CORRUPT: "JOURNAL_CORRUPT",
  /**
   * A change was sent to the database and the connection failed before the answer came back: it
   * may or may not have been applied. `details.retry` is the command that retries it safely.
   */
  OUTCOME_UNKNOWN: "OUTCOME_UNKNOWN",
} as const;

export type WorldErrorCode = keyof typeof WORLD_ERROR_CODES;

/**
 * The world package's one error class: a `code` from {@link WORLD_ERROR_CODES}, a message, details
 * for the log, and an optional cause. What a code means to the client and to the CLI's exit code is
 * decided in one table, `error-outcomes.ts`.
 */
export class WorldError extends Error {
  override readonly name = "WorldError";
  readonly code: WorldErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: WorldErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}
