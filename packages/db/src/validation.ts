// Input checks shared by the contexts. Everything crossing into the database is validated here
// first, so constraint violations mean races or bugs, not user typos.
import { unshownCharacter } from "@bezgelor/core";
import { MAX_WIRE_ID_14 } from "@bezgelor/data";
import { z } from "zod";
import { DB_ERROR_CODES, DbError, type DbErrorCode } from "./errors.js";

/** Largest value of a PostgreSQL bigint. */
export const MAX_INT64 = 9223372036854775807n;
const MAX_INT32 = 2147483647;

/** Emails are trimmed and lowercased before storage and lookup. */
export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** Passwords: 8 to 128 characters, not all of them white space (taken as typed: never trimmed). */
export const PasswordSchema = z
  .string()
  .min(8)
  .max(128)
  .refine((p) => p.trim().length > 0, "must not be only white space");
/** WildStar character names: 3 to 24 letters. */
export const CharacterNameSchema = z.string().regex(/^[A-Za-z]{3,24}$/, "must be 3 to 24 letters (A-Z)");
/** A database id or other non-negative 32-bit integer. */
export const Int32Schema = z.number().int().min(0).max(MAX_INT32);
export const IdSchema = z.number().int().min(1).max(MAX_INT32);
/**
 * Faction and title ids travel as 14-bit fields in the client's packets: 1..MAX_WIRE_ID_14 of
 * @bezgelor/data (the CHECKs in the migrations say 16383; a test compares).
 */
export const ClientIdSchema = z.number().int().min(1).max(MAX_WIRE_ID_14);
/** The most characters (UTF-16 code units, after trimming) of a {@link ReasonSchema} reason. */
export const MAX_REASON_LENGTH = 64;
/**
 * Why something changed, for ledgers and logs: 1..{@link MAX_REASON_LENGTH} characters after
 * trimming, none of them a C0/C1 control or bidirectional override (core `unshownCharacter`):
 * a reason is shown to operators, in terminals and audits, where an escape sequence or an
 * override would show other text than was stored, and a NUL cannot be stored at all.
 */
export const ReasonSchema = z.string().trim().min(1).max(MAX_REASON_LENGTH).superRefine(refuseUnshown);

/**
 * The refinement of text shown to operators or players (a ledger reason, an XP grant's source):
 * an issue naming the first C0/C1 control or bidirectional override it holds (core
 * `unshownCharacter`). For `.superRefine` of a string schema built at module load.
 */
export function refuseUnshown(text: string, ctx: z.RefinementCtx): void {
  const found = unshownCharacter(text);
  if (found !== undefined) ctx.addIssue({ code: "custom", message: `must not hold ${found}, a control or bidirectional-override character` });
}

/**
 * Parses `input` with `schema`; throws DbError with `code` (INVALID_INPUT by default) whose
 * message and `details.issues` name the offending fields.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, code: DbErrorCode = DB_ERROR_CODES.INVALID_INPUT): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const notFound = notFoundCode(result.error.issues);
  if (notFound !== undefined) {
    throw new DbError(notFound, result.error.issues.map((i) => i.message).join("; "), { details: { issues: result.error.issues } });
  }
  // An amount of money is its own error code, so callers can say "that amount" rather than "bad input".
  if (code === DB_ERROR_CODES.INVALID_INPUT && result.error.issues.every((i) => i.path[0] === "amount")) code = DB_ERROR_CODES.INVALID_AMOUNT;
  throw new DbError(code, `Invalid input: ${z.prettifyError(result.error)}`, { details: { issues: result.error.issues } });
}

/**
 * Whether `error` is {@link parseInput}'s refusal of malformed input: a DbError whose message is
 * the validator's own text and whose `details.issues` name the fields. That text is for logs and
 * operators, not for players (the world server tells them its own short line).
 */
export function isInputValidationError(error: unknown): error is DbError {
  return error instanceof DbError && Array.isArray(error.details?.issues);
}

/** Whether `id` can name a row of a bigint id column: 1..2^63-1. */
export function isRowId(id: bigint): boolean {
  return id >= 1n && id <= MAX_INT64;
}

/**
 * How a bigint row id the client sent (a u64) is refused when it is outside 1..2^63-1 and so
 * names no row: {@link parseInput} throws `notFound`, the action's own "no such row" code, before
 * the database is asked (PostgreSQL would refuse it as out of range for bigint).
 */
function noSuchRow(notFound: DbErrorCode) {
  return {
    error: (issue: { path?: PropertyKey[]; input?: unknown }) =>
      `${issue.path?.join(".") || "id"} ${String(issue.input)} names no row (ids are 1..${MAX_INT64})`,
    params: { notFound },
  };
}

/** A mail id from the client; one no row can have is MAIL_DOES_NOT_EXIST. */
export const MailIdSchema = z.bigint().refine(isRowId, noSuchRow(DB_ERROR_CODES.MAIL_DOES_NOT_EXIST));
/** A friend invite id from the client; one no row can have is FRIEND_REQUEST_NOT_FOUND. */
export const FriendInviteIdSchema = z.bigint().refine(isRowId, noSuchRow(DB_ERROR_CODES.FRIEND_REQUEST_NOT_FOUND));

// A row id no row can have (MailIdSchema, FriendInviteIdSchema) is the action's not-found refusal, when it is the only fault.
function notFoundCode(issues: readonly z.core.$ZodIssue[]): DbErrorCode | undefined {
  const codes = new Set(issues.map((i) => (i.code === "custom" ? (i.params as { notFound?: DbErrorCode } | undefined)?.notFound : undefined)));
  const [only] = codes;
  return codes.size === 1 ? only : undefined;
}

/**
 * A UTC calendar date `YYYY-MM-DD` (daily deals, date ranges). A day the calendar does not have
 * (2026-02-30, 2026-02-29) is refused, where `new Date` would roll it over into March.
 */
export const CalendarDateSchema = z.iso.date({ error: "must be a calendar date YYYY-MM-DD" });
/**
 * An ISO 8601 time with a zone and seconds, e.g. 2026-12-01T00:00:00Z, whose date is a day of the
 * calendar (as {@link CalendarDateSchema}); parses to a Date.
 */
export const ZonedTimeSchema = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 time with a zone, on a calendar date (2026-12-01T00:00:00Z)" })
  .transform((value) => new Date(value));

/** A positive 64-bit amount of a currency (bigint). */
export const AmountSchema = z.bigint().min(1n).max(MAX_INT64);

/** Throws INVALID_AMOUNT unless `amount` is a bigint in 1..2^63-1. */
export function parseGoldAmount(amount: unknown): bigint {
  if (typeof amount !== "bigint" || amount <= 0n || amount > MAX_INT64) {
    throw new DbError(DB_ERROR_CODES.INVALID_AMOUNT, `Gold amount must be a positive 64-bit integer (bigint), got ${String(amount)}`, {
      details: { amount: typeof amount === "bigint" ? amount.toString() : String(amount) },
    });
  }
  return amount;
}

/** Throws INVALID_AMOUNT unless `amount` is a bigint in 0..2^63-1 (zero allowed, e.g. a reward of no gold). */
export function parseGoldAmountOrZero(amount: unknown): bigint {
  return amount === 0n ? 0n : parseGoldAmount(amount);
}
