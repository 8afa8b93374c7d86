// One table for every error code of db and world: what the client is told and what the CLI exits
// with. A new code is added in one place; the complete mapped types make a missing entry a compile
// error.
import { MAX_VENDOR_PURCHASE_QUANTITY, MIN_VENDOR_PURCHASE_QUANTITY } from "@bezgelor/core";
import { DbError, isInputValidationError, type DbErrorCode } from "@bezgelor/db";
import { EXIT_CODES, type ExitCode } from "./cli/command";
import { WorldError, type WorldErrorCode } from "./errors";
import { RESULT_MESSAGES, type ResultCodeName } from "./server/result-codes";

/**
 * What an error means: `client` is the ServerRequestResult code of a refusal (the session goes
 * on), `violation` (the session is closed as a protocol violation), or `internal` (a server
 * failure: logged as an error, the client hears INTERNAL); `exit` is the CLI's exit code;
 * `message`, when given, is what the player is told instead of the error's own message (which the
 * log and the CLI keep).
 */
export interface ErrorOutcome {
  readonly client: ResultCodeName | "violation" | "internal";
  readonly exit: ExitCode;
  readonly message?: string;
}

const DEFAULT_EXIT: Partial<Record<ResultCodeName, ExitCode>> = {
  INVALID_INPUT: EXIT_CODES.USAGE,
  NOT_FOUND: EXIT_CODES.NOT_FOUND,
  ALREADY_DONE: EXIT_CODES.CONFLICT,
  CONFLICT: EXIT_CODES.CONFLICT,
  UNAVAILABLE: EXIT_CODES.UNAVAILABLE,
  INTERNAL: EXIT_CODES.FAILURE,
};

/** A refusal the client sees as `result`; the exit code follows from it unless given. */
const refusal = (result: ResultCodeName, exit: ExitCode = DEFAULT_EXIT[result] ?? EXIT_CODES.REFUSED): ErrorOutcome => ({ client: result, exit });
const violation = (exit: ExitCode): ErrorOutcome => ({ client: "violation", exit });
const internal = (exit: ExitCode = EXIT_CODES.FAILURE): ErrorOutcome => ({ client: "internal", exit });
/** `outcome`, telling the player `message` rather than the error's own. */
const told = (outcome: ErrorOutcome, message: string): ErrorOutcome => ({ ...outcome, message });

/** Every world error code. */
export const WORLD_ERROR_OUTCOMES: { readonly [C in WorldErrorCode]: ErrorOutcome } = {
  CONFIG_INVALID: internal(EXIT_CODES.USAGE),
  USAGE: refusal("INVALID_INPUT"),
  NOT_FOUND: refusal("NOT_FOUND"),
  INVALID_INPUT: refusal("INVALID_INPUT"),
  FORBIDDEN: refusal("FORBIDDEN"),
  NOT_OWNED: refusal("NOT_OWNED"),
  INSUFFICIENT_FUNDS: refusal("INSUFFICIENT_FUNDS"),
  REPUTATION_TOO_LOW: refusal("REPUTATION_TOO_LOW"),
  ALREADY_DONE: refusal("ALREADY_DONE"),
  NOT_AVAILABLE: refusal("NOT_AVAILABLE"),
  CONFLICT: refusal("CONFLICT"),
  LIMIT_REACHED: refusal("LIMIT_REACHED"),
  UNAVAILABLE: refusal("UNAVAILABLE"),
  MOVEMENT_REFUSED: refusal("INVALID_INPUT"),
  WRONG_STATE: violation(EXIT_CODES.FAILURE),
  AUTH_FAILED: violation(EXIT_CODES.REFUSED),
  TIMEOUT: internal(EXIT_CODES.UNAVAILABLE),
  SESSION_CLOSED: internal(),
  DISCONNECTED: internal(EXIT_CODES.UNAVAILABLE),
  OUTCOME_UNKNOWN: internal(EXIT_CODES.UNAVAILABLE),
  JOURNAL_CORRUPT: internal(),
};

/** Every db error code. */
export const DB_ERROR_OUTCOMES: { readonly [C in DbErrorCode]: ErrorOutcome } = {
  EMAIL_TAKEN: refusal("CONFLICT"),
  NAME_TAKEN: refusal("CONFLICT"),
  CHARACTER_LIMIT_REACHED: refusal("LIMIT_REACHED"),
  CHARACTER_CREATION_NOT_OFFERED: refusal("INVALID_INPUT"),
  INSUFFICIENT_FUNDS: refusal("INSUFFICIENT_FUNDS"),
  INVALID_AMOUNT: refusal("INVALID_INPUT"),
  INVALID_INPUT: refusal("INVALID_INPUT"),
  ACCOUNT_NOT_FOUND: refusal("NOT_FOUND"),
  CHARACTER_NOT_FOUND: refusal("NOT_FOUND"),
  INVALID_CREDENTIALS: violation(EXIT_CODES.REFUSED),
  SESSION_INVALID: violation(EXIT_CODES.REFUSED),
  SESSION_EXPIRED: violation(EXIT_CODES.REFUSED),
  BALANCE_OVERFLOW: refusal("LIMIT_REACHED"),
  TITLE_NOT_OWNED: refusal("NOT_OWNED"),
  QUEST_ALREADY_ACCEPTED: refusal("ALREADY_DONE"),
  QUEST_ALREADY_COMPLETED: refusal("ALREADY_DONE"),
  QUEST_NOT_ACCEPTED: refusal("NOT_AVAILABLE"),
  INVENTORY_OVERFLOW: refusal("LIMIT_REACHED"),
  UNKNOWN_GAME_DATA: refusal("NOT_FOUND"),
  ITEM_NOT_SOLD: refusal("NOT_FOUND"),
  REPUTATION_TOO_LOW: refusal("REPUTATION_TOO_LOW"),
  VENDOR_QUANTITY_INVALID: told(refusal("INVALID_INPUT"), `You can buy ${MIN_VENDOR_PURCHASE_QUANTITY} to ${MAX_VENDOR_PURCHASE_QUANTITY} at a time.`),
  FRIEND_CANNOT_INVITE_SELF: refusal("INVALID_INPUT"),
  FRIEND_INVALID_TYPE: refusal("INVALID_INPUT"),
  FRIEND_TARGET_IGNORED: refusal("NOT_AVAILABLE"),
  FRIEND_REQUEST_DENIED: refusal("NOT_AVAILABLE"),
  FRIEND_ALREADY_FRIEND: refusal("ALREADY_DONE"),
  FRIEND_ALREADY_IGNORED: refusal("ALREADY_DONE"),
  FRIEND_ALREADY_RIVAL: refusal("ALREADY_DONE"),
  FRIEND_MAX_FRIENDS: refusal("LIMIT_REACHED"),
  FRIEND_MAX_IGNORED: refusal("LIMIT_REACHED"),
  FRIEND_MAX_RIVALS: refusal("LIMIT_REACHED"),
  FRIEND_QUEUED_REQUESTS: refusal("LIMIT_REACHED"),
  FRIEND_INVALID_NOTE: refusal("INVALID_INPUT"),
  FRIEND_REQUEST_NOT_FOUND: refusal("NOT_FOUND"),
  FRIEND_REQUEST_TIMED_OUT: refusal("NOT_AVAILABLE"),
  FRIENDSHIP_NOT_FOUND: refusal("NOT_FOUND"),
  FRIEND_NOT_FRIEND: refusal("NOT_FOUND"),
  FRIEND_NOT_IGNORED: refusal("NOT_FOUND"),
  FRIEND_NOT_RIVAL: refusal("NOT_FOUND"),
  MAIL_CANNOT_MAIL_SELF: refusal("INVALID_INPUT", EXIT_CODES.REFUSED),
  // Told apart from "no such player" nowhere: the sender must not learn they are ignored.
  MAIL_RECIPIENT_IGNORES_SENDER: refusal("NOT_FOUND"),
  MAIL_INVALID_TEXT: refusal("INVALID_INPUT"),
  MAIL_COD_AND_GIFT: refusal("INVALID_INPUT"),
  MAIL_COD_WITHOUT_ATTACHMENTS: refusal("INVALID_INPUT"),
  MAIL_NOT_ENOUGH_ITEMS: refusal("NOT_OWNED"),
  MAIL_ITEM_STACK_INVALID: refusal("INVALID_INPUT"),
  MAIL_DOES_NOT_EXIST: refusal("NOT_FOUND"),
  MAIL_NO_ATTACHMENT: refusal("NOT_FOUND"),
  MAIL_COD_UNPAID: refusal("NOT_AVAILABLE"),
  MAIL_COD_NOT_DUE: refusal("NOT_AVAILABLE"),
  MAIL_CANNOT_RETURN: refusal("NOT_AVAILABLE"),
  MAIL_CANNOT_DELETE: refusal("NOT_AVAILABLE"),
  MAIL_GRANT_UNSUPPORTED: refusal("NOT_AVAILABLE"),
  STORE_OFFER_NOT_FOUND: refusal("NOT_FOUND"),
  STORE_OUT_OF_STOCK: refusal("LIMIT_REACHED"),
  STORE_PURCHASE_LIMIT: refusal("LIMIT_REACHED"),
  STORE_QUANTITY_NOT_ALLOWED: refusal("NOT_AVAILABLE"),
  STORE_VERSION_CONFLICT: refusal("CONFLICT"),
  STORE_TRANSACTION_NOT_FOUND: refusal("NOT_FOUND"),
  STORE_OFFER_UNAVAILABLE: refusal("NOT_AVAILABLE"),
  STORE_CURRENCY_NOT_ACCEPTED: refusal("INVALID_INPUT", EXIT_CODES.REFUSED),
  // The price the buyer saw is not the price now: nothing was charged (the genuine InvalidPrice).
  STORE_PRICE_CHANGED: refusal("CONFLICT", EXIT_CODES.REFUSED),
  STORE_ALREADY_OWNED: refusal("ALREADY_DONE", EXIT_CODES.REFUSED),
  COLLECTIBLE_NOT_OWNED: refusal("NOT_OWNED"),
  MOUNT_FLAIR_REFUSED: refusal("INVALID_INPUT"),
  MOUNT_CUSTOMIZATION_REFUSED: refusal("INVALID_INPUT"),
  PET_NICKNAME_INVALID: refusal("INVALID_INPUT"),
  STORE_CHARACTER_REQUIRED: refusal("INVALID_INPUT"),
  STORE_NOT_GIFTABLE: refusal("NOT_AVAILABLE"),
  STORE_GIFT_RECIPIENT_INELIGIBLE: refusal("NOT_AVAILABLE"),
  STORE_GIFT_ALREADY_OWNED: refusal("ALREADY_DONE", EXIT_CODES.REFUSED),
  STORE_CATALOG_INVALID: refusal("INVALID_INPUT"),
  PROMO_CODE_NOT_FOUND: refusal("NOT_FOUND"),
  PROMO_CODE_NOT_STARTED: refusal("NOT_AVAILABLE"),
  PROMO_CODE_EXPIRED: refusal("NOT_AVAILABLE"),
  PROMO_CODE_EXHAUSTED: refusal("LIMIT_REACHED"),
  PROMO_CODE_ALREADY_REDEEMED: refusal("ALREADY_DONE", EXIT_CODES.REFUSED),
  PROMO_RATE_LIMITED: refusal("LIMIT_REACHED"),
  PROMO_CODE_TAKEN: refusal("CONFLICT"),
  IDEMPOTENCY_KEY_REUSED: refusal("CONFLICT"),
  DIRECTORY_LOCKED: refusal("UNAVAILABLE"),
  DIRECTORY_UNUSABLE: internal(EXIT_CODES.USAGE),
  MIGRATION_FAILED: refusal("UNAVAILABLE"),
  CONNECTION_FAILED: refusal("UNAVAILABLE"),
  INTERNAL: internal(),
};

/** The outcome of a DbError or WorldError; undefined for anything else (an unexpected failure). */
export function outcomeOf(error: unknown): ErrorOutcome | undefined {
  if (error instanceof DbError) return DB_ERROR_OUTCOMES[error.code];
  if (error instanceof WorldError) return WORLD_ERROR_OUTCOMES[error.code];
  return undefined;
}

/**
 * The line a player is told for a refusal with `outcome` (a ServerRequestResult code): the
 * outcome's own message if it has one; for malformed input the validator refused (db
 * `isInputValidationError`), the result code's short text (`RESULT_MESSAGES`), never the
 * validator's text; otherwise the error's message. The server log keeps the error's message and
 * details either way.
 */
export function clientMessage(error: DbError | WorldError, outcome: ErrorOutcome & { client: ResultCodeName }): string {
  if (outcome.message !== undefined) return outcome.message;
  return isInputValidationError(error) ? RESULT_MESSAGES[outcome.client] : error.message;
}
