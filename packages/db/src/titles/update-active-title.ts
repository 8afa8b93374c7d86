import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { lockAccount } from "./lock-account.js";

/**
 * Sets (or with null clears) the account's active title in the caller's transaction. Under the
 * account row lock, one UPDATE checks ownership (unexpired at `now`) and sets it, so a concurrent
 * revoke can never leave an unowned title active. Returns the active title before.
 * Throws DbError TITLE_NOT_OWNED (nothing changed), ACCOUNT_NOT_FOUND.
 */
export async function updateActiveTitle(tx: Prisma.TransactionClient, accountId: number, titleId: number | null, now: Date): Promise<number | null> {
  const before = await lockAccount(tx, accountId);
  if (titleId === null) {
    await tx.$executeRaw`UPDATE "accounts" SET "active_title_id" = NULL WHERE "id" = ${accountId}`;
    return before;
  }
  const changed = await tx.$executeRaw`UPDATE "accounts" SET "active_title_id" = ${titleId}
    WHERE "id" = ${accountId} AND EXISTS (
      SELECT 1 FROM "account_titles" WHERE "account_id" = ${accountId} AND "title_id" = ${titleId}
        AND ("expires_at" IS NULL OR "expires_at" > ${now}::timestamptz))`;
  if (changed === 0) {
    throw new DbError(DB_ERROR_CODES.TITLE_NOT_OWNED, `Account ${accountId} does not own title ${titleId}`, { details: { accountId, titleId } });
  }
  return before;
}
