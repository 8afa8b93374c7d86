// Idempotency as Stripe and PlayFab promise it: a key names one request. The first request with a
// key claims it inside its own transaction (so a rolled-back request leaves no claim) and stores
// its result (with the action's events: append-events.ts); a retry with the same fingerprint gets that result back, marked replayed; the same
// key with another request is refused. Racing claims of one key serialise on the primary key: the
// loser's INSERT waits for the winner's commit, then sees the row.
import { createHash } from "node:crypto";
import { z } from "zod";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { fromJsonColumn } from "../json-codec.js";

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
 * this request is the first; the stored result when the same request was made before.
 * Throws DbError IDEMPOTENCY_KEY_REUSED when the key belongs to a different request.
 */
export async function claimIdempotencyKey<R>(tx: Prisma.TransactionClient, key: string, action: string, fingerprint: string): Promise<KeyClaim<R>> {
  const inserted = await tx.$queryRaw<Array<{ key: string }>>`INSERT INTO "idempotency_keys" ("key", "action", "fingerprint")
    VALUES (${key}, ${action}, ${fingerprint}) ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
  if (inserted.length === 1) return { fresh: true };
  const row = await tx.idempotencyKey.findUnique({ where: { key }, select: { action: true, fingerprint: true, result: true } });
  if (!row) throw new Error(`idempotency key ${key} conflicted but is not there`);
  if (row.action !== action || row.fingerprint !== fingerprint) {
    throw new DbError(DB_ERROR_CODES.IDEMPOTENCY_KEY_REUSED, `Idempotency key ${key} was used for a different request (${row.action})`, {
      details: { key, action: row.action },
    });
  }
  return { fresh: false, result: fromJsonColumn<{ value: R }>(row.result).value };
}
