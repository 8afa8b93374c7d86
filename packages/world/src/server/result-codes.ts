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

/** The name of a result code number, for logs and the headless client. */
export function resultCodeName(code: number): ResultCodeName | undefined {
  return (Object.keys(RESULT_CODES) as ResultCodeName[]).find((k) => RESULT_CODES[k] === code);
}
