/**
 * Codes carried by the `ServerRequestResult` extension packet when a rule refuses a request.
 * The session goes on; the client shows the message.
 */
export const RESULT_CODES = {
  OK: 0,
  INTERNAL: 1,
  INVALID_INPUT: 2,
  NOT_FOUND: 3,
  FORBIDDEN: 4,
  NOT_OWNED: 5,
  INSUFFICIENT_FUNDS: 6,
  REPUTATION_TOO_LOW: 7,
  ALREADY_DONE: 8,
  NOT_AVAILABLE: 9,
  CONFLICT: 10,
  LIMIT_REACHED: 11,
  /** A dependency (the database) is down: nothing was done, try again later. Not the client's fault. */
  UNAVAILABLE: 12,
} as const;

export type ResultCodeName = keyof typeof RESULT_CODES;

/**
 * What a player is told for a refusal whose own message is not meant for players: the validator's
 * text of malformed input (db `isInputValidationError`), which only the server log keeps. Short,
 * and about what the player did, never about fields or schemas.
 */
export const RESULT_MESSAGES: { readonly [K in ResultCodeName]: string } = {
  OK: "Done.",
  INTERNAL: "internal server error",
  INVALID_INPUT: "That request is not valid.",
  NOT_FOUND: "That does not exist.",
  FORBIDDEN: "You may not do that.",
  NOT_OWNED: "You do not own that.",
  INSUFFICIENT_FUNDS: "You cannot afford that.",
  REPUTATION_TOO_LOW: "Your reputation is too low for that.",
  ALREADY_DONE: "That is done already.",
  NOT_AVAILABLE: "That is not available now.",
  CONFLICT: "That changed meanwhile; try again.",
  LIMIT_REACHED: "A limit was reached.",
  UNAVAILABLE: "service unavailable, try again later",
};

/** The name of a result code number, for logs and the headless client. */
export function resultCodeName(code: number): ResultCodeName | undefined {
  return (Object.keys(RESULT_CODES) as ResultCodeName[]).find((k) => RESULT_CODES[k] === code);
}
