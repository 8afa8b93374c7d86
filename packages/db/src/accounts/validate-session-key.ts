import { timingSafeEqual } from "node:crypto";
import type { DbClient } from "../client.js";
import { DEFAULT_SESSION_KEY_LIFETIME_SECONDS } from "../config.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import { EmailSchema } from "../validation.js";
import { accountSelect, type AccountRecord } from "./account-record.js";

/** Options for {@link validateSessionKey}. */
export interface ValidateSessionKeyOptions {
  accountId: number;
  email: string;
  /** 32 hex digits, or the 16 raw bytes as the client sends them. */
  sessionKey: string | Uint8Array;
  /** Defaults to 1800 (DbConfig.sessionKeyLifetimeSeconds). */
  lifetimeSeconds?: number;
  now?: Date;
}

function keyBytes(key: string | Uint8Array): Buffer | undefined {
  if (typeof key === "string") return /^[0-9a-fA-F]{32}$/.test(key) ? Buffer.from(key, "hex") : undefined;
  return key instanceof Uint8Array && key.length === 16 ? Buffer.from(key) : undefined;
}

/**
 * Checks a realm session key in one query: the account id and email must match the row, the key
 * must equal its stored key (compared in constant time) and be younger than `lifetimeSeconds`.
 * The key stays valid for its whole lifetime (clients reconnect with it). Returns the account.
 * Throws DbError SESSION_INVALID (no such account/email/key, or a malformed key) or
 * SESSION_EXPIRED (right key, too old).
 */
export async function validateSessionKey(db: DbClient, options: ValidateSessionKeyOptions): Promise<AccountRecord> {
  const invalid = () => new DbError(DB_ERROR_CODES.SESSION_INVALID, "Invalid session key", { details: { accountId: options.accountId } });
  const key = keyBytes(options.sessionKey);
  const email = EmailSchema.safeParse(options.email);
  if (!key || !email.success || !Number.isSafeInteger(options.accountId) || options.accountId < 1 || options.accountId > 2147483647) throw invalid();
  let row: (AccountRecord & { sessionKey: string | null }) | null;
  try {
    row = await db.account.findFirst({
      where: { id: options.accountId, email: email.data },
      select: { ...accountSelect, sessionKey: true },
    });
  } catch (error) {
    throw toDbError(error, "Reading the session failed");
  }
  if (!row?.sessionKey || !row.sessionKeyCreatedAt || !timingSafeEqual(Buffer.from(row.sessionKey, "hex"), key)) throw invalid();
  const lifetimeMs = (options.lifetimeSeconds ?? DEFAULT_SESSION_KEY_LIFETIME_SECONDS) * 1000;
  const ageMs = (options.now ?? new Date()).getTime() - row.sessionKeyCreatedAt.getTime();
  if (ageMs > lifetimeMs) {
    throw new DbError(DB_ERROR_CODES.SESSION_EXPIRED, "Session key expired", {
      details: { accountId: row.id, issuedAt: row.sessionKeyCreatedAt.toISOString(), lifetimeSeconds: lifetimeMs / 1000 },
    });
  }
  const { sessionKey: _key, ...account } = row;
  return account;
}
