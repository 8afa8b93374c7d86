import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import { EmailSchema } from "../validation.js";
import { accountSelect, type AccountRecord } from "./account-record.js";
import { checkAgainstDummy, checkPassword } from "./password.js";

/** Options for {@link verifyPassword}. */
export interface VerifyPasswordOptions {
  email: string;
  password: string;
}

// Longer inputs cannot match any stored password (the maximum is 128); skip hashing megabytes.
const MAX_CHECKED_LENGTH = 1024;

/**
 * Checks a login. Returns the account when the password matches. Throws DbError
 * INVALID_CREDENTIALS for an unknown or malformed email and for a wrong password alike (same
 * message, and an unknown email costs the same scrypt time, so neither leaks which it was).
 */
export async function verifyPassword(db: DbClient, options: VerifyPasswordOptions): Promise<AccountRecord> {
  const email = EmailSchema.safeParse(options.email);
  const password = typeof options.password === "string" ? options.password.slice(0, MAX_CHECKED_LENGTH) : "";
  let row: (AccountRecord & { passwordHash: string }) | null = null;
  if (email.success) {
    try {
      row = await db.account.findUnique({ where: { email: email.data }, select: { ...accountSelect, passwordHash: true } });
    } catch (error) {
      throw toDbError(error, "Reading the account failed");
    }
  }
  const ok = row ? await checkPassword(password, row.passwordHash) : await checkAgainstDummy(password);
  if (!row || !ok) throw new DbError(DB_ERROR_CODES.INVALID_CREDENTIALS, "Invalid email or password");
  const { passwordHash: _hash, ...account } = row;
  return account;
}
