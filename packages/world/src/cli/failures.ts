import { DbError, isDatabaseUnavailable, type DbErrorCode } from "@bezgelor/db";
import { WorldError, type WorldErrorCode } from "../errors";
import { EXIT_CODES, type ExitCode } from "./command";

const DB_EXIT: Partial<Record<DbErrorCode, ExitCode>> = {
  EMAIL_TAKEN: EXIT_CODES.CONFLICT,
  NAME_TAKEN: EXIT_CODES.CONFLICT,
  ACCOUNT_NOT_FOUND: EXIT_CODES.NOT_FOUND,
  CHARACTER_NOT_FOUND: EXIT_CODES.NOT_FOUND,
  INVALID_INPUT: EXIT_CODES.USAGE,
  INVALID_AMOUNT: EXIT_CODES.USAGE,
  INVALID_CREDENTIALS: EXIT_CODES.REFUSED,
  INSUFFICIENT_FUNDS: EXIT_CODES.REFUSED,
  BALANCE_OVERFLOW: EXIT_CODES.REFUSED,
  IDEMPOTENCY_KEY_REUSED: EXIT_CODES.CONFLICT,
  CONNECTION_FAILED: EXIT_CODES.UNAVAILABLE,
  MAIL_CANNOT_MAIL_SELF: EXIT_CODES.REFUSED,
  MAIL_INVALID_TEXT: EXIT_CODES.USAGE,
  MAIL_RECIPIENT_IGNORES_SENDER: EXIT_CODES.REFUSED,
  DIRECTORY_LOCKED: EXIT_CODES.UNAVAILABLE,
  MIGRATION_FAILED: EXIT_CODES.UNAVAILABLE,
  CHARACTER_LIMIT_REACHED: EXIT_CODES.REFUSED,
};

const WORLD_EXIT: Partial<Record<WorldErrorCode, ExitCode>> = {
  CONFIG_INVALID: EXIT_CODES.USAGE,
  USAGE: EXIT_CODES.USAGE,
  NOT_FOUND: EXIT_CODES.NOT_FOUND,
  AUTH_FAILED: EXIT_CODES.REFUSED,
  DISCONNECTED: EXIT_CODES.UNAVAILABLE,
  TIMEOUT: EXIT_CODES.UNAVAILABLE,
  OUTCOME_UNKNOWN: EXIT_CODES.UNAVAILABLE,
};

/** Maps an error to the exit code scripts see. */
export function exitCodeFor(err: unknown): ExitCode {
  // An outage is "unavailable" whatever the failing query was wrapped in.
  if (isDatabaseUnavailable(err)) return EXIT_CODES.UNAVAILABLE;
  if (err instanceof DbError) return DB_EXIT[err.code] ?? EXIT_CODES.FAILURE;
  if (err instanceof WorldError) return WORLD_EXIT[err.code] ?? EXIT_CODES.FAILURE;
  return EXIT_CODES.FAILURE;
}

/** A one-line message for a person; unexpected errors keep their stack for the operator. */
export function describeError(err: unknown): string {
  if (err instanceof DbError || err instanceof WorldError) return `${err.message} [${err.code}]`;
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}
