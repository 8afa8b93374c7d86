import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import type { AccountRole } from "../generated/prisma/enums";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link getAccountRole}. */
export interface GetAccountRoleOptions {
  accountId: number;
}

const GetAccountRoleInput = z.object({ accountId: IdSchema });

/**
 * The account's role as stored now. Permissions are read where they are used, never cached in a
 * session, so `bezgelor account role` takes effect on the next request.
 * Throws DbError ACCOUNT_NOT_FOUND, INVALID_INPUT (malformed id).
 */
export async function getAccountRole(db: DbClient, options: GetAccountRoleOptions): Promise<AccountRole> {
  const { accountId } = parseInput(GetAccountRoleInput, options);
  let account: { role: AccountRole } | null;
  try {
    account = await db.account.findUnique({ where: { id: accountId }, select: { role: true } });
  } catch (error) {
    throw toDbError(error, "Reading the account's role failed");
  }
  if (!account) throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account ${accountId}`, { details: { accountId } });
  return account.role;
}
