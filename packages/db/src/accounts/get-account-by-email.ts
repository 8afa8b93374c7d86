import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import { EmailSchema, parseInput } from "../validation.js";
import { accountSelect, type AccountRecord } from "./account-record.js";

/** Options for {@link getAccountByEmail}. */
export interface GetAccountByEmailOptions {
  email: string;
}

const GetAccountByEmailInput = z.object({ email: EmailSchema });

/**
 * The account with this email, compared case-insensitively.
 * Throws DbError ACCOUNT_NOT_FOUND, INVALID_INPUT (not an email address).
 */
export async function getAccountByEmail(db: DbClient, options: GetAccountByEmailOptions): Promise<AccountRecord> {
  const { email } = parseInput(GetAccountByEmailInput, options);
  let account: AccountRecord | null;
  try {
    account = await db.account.findUnique({ where: { email }, select: accountSelect });
  } catch (error) {
    throw toDbError(error, "Reading the account failed");
  }
  if (!account) throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account with email ${email}`, { details: { email } });
  return account;
}
