import { DbError, type DbErrorCode } from "@bezgelor/db";
import type { ResultCodeName } from "./result-codes";

/**
 * A rule refused a client's request: the client is told (`ServerRequestResult`) and the session
 * goes on. Thrown by handlers; never a protocol violation.
 */
export class RuleError extends Error {
  override readonly name = "RuleError";
  constructor(
    readonly result: ResultCodeName,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const DB_RULES: Partial<Record<DbErrorCode, ResultCodeName>> = {
  INSUFFICIENT_FUNDS: "INSUFFICIENT_FUNDS",
  NAME_TAKEN: "CONFLICT",
  EMAIL_TAKEN: "CONFLICT",
  INVALID_INPUT: "INVALID_INPUT",
  INVALID_AMOUNT: "INVALID_INPUT",
  CHARACTER_NOT_FOUND: "NOT_FOUND",
  ACCOUNT_NOT_FOUND: "NOT_FOUND",
  BALANCE_OVERFLOW: "LIMIT_REACHED",
  CHARACTER_LIMIT_REACHED: "LIMIT_REACHED",
  TITLE_NOT_OWNED: "NOT_OWNED",
  QUEST_ALREADY_ACCEPTED: "ALREADY_DONE",
  QUEST_ALREADY_COMPLETED: "ALREADY_DONE",
  QUEST_NOT_ACCEPTED: "NOT_AVAILABLE",
  UNKNOWN_GAME_DATA: "NOT_FOUND",
  ITEM_NOT_SOLD: "NOT_FOUND",
  REPUTATION_TOO_LOW: "REPUTATION_TOO_LOW",
  INVENTORY_OVERFLOW: "LIMIT_REACHED",
};

/** A database error that is a rule outcome (not a failure) becomes a RuleError; anything else is undefined. */
export function ruleFromDbError(err: unknown): RuleError | undefined {
  if (!(err instanceof DbError)) return undefined;
  const result = DB_RULES[err.code];
  return result ? new RuleError(result, err.message, { dbCode: err.code }) : undefined;
}
