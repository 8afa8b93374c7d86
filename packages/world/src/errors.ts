/** Error codes of the world package; each says what the caller should do with the session or process. */
export const WORLD_ERROR_CODES = {
  CONFIG_INVALID: "CONFIG_INVALID",
  USAGE: "USAGE",
  NOT_FOUND: "NOT_FOUND",
  /** A packet arrived in a session state where it makes no sense: protocol violation. */
  WRONG_STATE: "WRONG_STATE",
  /** Login failed: wrong, expired or mismatched session key. Protocol violation, as in NexusForever. */
  AUTH_FAILED: "AUTH_FAILED",
  TIMEOUT: "TIMEOUT",
  /** The session closed while a handler was waiting: its remaining effects are dropped, nobody is told. */
  SESSION_CLOSED: "SESSION_CLOSED",
  DISCONNECTED: "DISCONNECTED",
  /**
   * A change was sent to the database and the connection failed before the answer came back: it
   * may or may not have been applied. `details.retry` is the command that retries it safely.
   */
  OUTCOME_UNKNOWN: "OUTCOME_UNKNOWN",
} as const;

export type WorldErrorCode = keyof typeof WORLD_ERROR_CODES;

/** The world package's one error class: a `code` from {@link WORLD_ERROR_CODES}, a message and an optional cause. */
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
