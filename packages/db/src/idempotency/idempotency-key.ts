// Idempotency as Stripe and PlayFab promise it: a key names one request. The first request with a
// key claims it inside its own transaction and stores its result there (with the action's events:
// append-events.ts), so a claim commits with the change or not at all. A retry with the same
// fingerprint gets that result back, marked replayed; the same key with another request is
// refused. Racing claims of one key serialise on the primary key: the loser's INSERT waits for the
// winner's commit, then sees the row. A request the action judged and refused (not enough funds,
// out of stock) changed nothing, but its key is kept for it, without a result: the same request
// may run again (and then store its result), and another request with that key is refused, as
// after a success.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, type DbErrorCode } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { fromJsonColumn } from "../json-codec.js";
import { isDatabaseUnavailable } from "../open/unavailable.js";

/** 1..128 printable characters without spaces (UUIDs, client transaction ids, "grant-2026-11-30-1"). */
export const IdempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,128}$/, "must be 1 to 128 printable characters without spaces");

/** sha256 hex of the action name and its request, with object keys sorted so order never matters. */
export function requestFingerprint(action: string, request: unknown): string {
  return createHash("sha256").update(action).update("\n").update(canonicalJson(request)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (typeof value === "bigint") return JSON.stringify(`${value}n`);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** What claiming a key found. */
export type KeyClaim<R> = { fresh: true } | { fresh: false; result: R };

/**
 * Claims `key` for `action` with `fingerprint` in the caller's transaction. Returns `fresh` when
 * this request is the first, or runs again after a refusal (the key's row, kept without a result
 * by {@link recordRefusedKey}, is then locked until the transaction ends, so two retries of it
 * cannot both run); the stored result when the same request succeeded before.
 * Throws DbError IDEMPOTENCY_KEY_REUSED when the key belongs to a different request.
 */
export async function claimIdempotencyKey<R>(tx: Prisma.TransactionClient, key: string, action: string, fingerprint: string): Promise<KeyClaim<R>> {
  const inserted = await tx.$queryRaw<Array<{ key: string }>>`INSERT INTO "idempotency_keys" ("key", "action", "fingerprint")
    VALUES (${key}, ${action}, ${fingerprint}) ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
  if (inserted.length === 1) return { fresh: true };
  let row = await readKey(tx, key);
  if (row.action !== action || row.fingerprint !== fingerprint) {
    throw new DbError(DB_ERROR_CODES.IDEMPOTENCY_KEY_REUSED, `Idempotency key ${key} was used for a different request (${row.action})`, {
      details: { key, action: row.action },
    });
  }
  if (row.result === null) {
    // A refused request's key: lock it, then look again, as a retry racing this one may have run meanwhile.
    await tx.$queryRaw`SELECT 1 FROM "idempotency_keys" WHERE "key" = ${key} FOR UPDATE`;
    row = await readKey(tx, key);
    if (row.result === null) return { fresh: true };
  }
  return { fresh: false, result: fromJsonColumn<{ value: R }>(row.result).value };
}

async function readKey(tx: Prisma.TransactionClient, key: string) {
  const row = await tx.idempotencyKey.findUnique({ where: { key }, select: { action: true, fingerprint: true, result: true } });
  if (!row) throw new Error(`idempotency key ${key} conflicted but is not there`);
  return row;
}

// Failures that say nothing about the request itself, or find it incomplete or malformed: it was
// not judged, so its key is not kept (the request corrected may use it). Malformed mail (text the
// client cannot show, a stack past its item's maxStack) is refused for its input alone, whatever
// the database holds, as INVALID_INPUT is.
const NOT_JUDGED = new Set<DbErrorCode>([
  DB_ERROR_CODES.INTERNAL,
  DB_ERROR_CODES.CONNECTION_FAILED,
  DB_ERROR_CODES.DIRECTORY_LOCKED,
  DB_ERROR_CODES.MIGRATION_FAILED,
  DB_ERROR_CODES.IDEMPOTENCY_KEY_REUSED,
  DB_ERROR_CODES.INVALID_INPUT,
  DB_ERROR_CODES.STORE_CHARACTER_REQUIRED,
  DB_ERROR_CODES.MAIL_INVALID_TEXT,
  DB_ERROR_CODES.MAIL_ITEM_STACK_INVALID,
]);

/** Whether `error` is an action's refusal of the request (INSUFFICIENT_FUNDS, STORE_OUT_OF_STOCK, ...), not a failure to judge it. */
export function isJudgedRefusal(error: DbError): boolean {
  return !NOT_JUDGED.has(error.code) && !isDatabaseUnavailable(error);
}

/**
 * Keeps `key` for the request with `fingerprint` that `action` refused (see
 * {@link isJudgedRefusal}): a row without a result, so that another request with the key is
 * refused (IDEMPOTENCY_KEY_REUSED) and this one may run again. Runs on its own, after the
 * action's transaction rolled back; a key claimed meanwhile (by a retry) is left as it is.
 */
export async function recordRefusedKey(db: DbClient, key: string, action: string, fingerprint: string): Promise<void> {
  await db.$executeRaw`INSERT INTO "idempotency_keys" ("key", "action", "fingerprint") VALUES (${key}, ${action}, ${fingerprint})
    ON CONFLICT ("key") DO NOTHING`;
}
