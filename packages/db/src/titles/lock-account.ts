// The ownership invariant "an active title is an owned title" spans two tables. setActiveTitle
// and revokeTitle both take the account row lock first and only then look at account_titles, in
// a later statement (so, under READ COMMITTED, with a snapshot taken after the lock): whichever
// runs second sees the first one's committed result. A single UPDATE .. WHERE EXISTS would not
// do, because its EXISTS may be evaluated on a snapshot taken before a revoke committed.
// FOR NO KEY UPDATE, not FOR UPDATE: it still serialises the title actions of one account, but
// does not conflict with the FOR KEY SHARE that inserting a row referencing the account takes (a
// ledger entry), so two actions that each write a ledger row and then grant a title cannot deadlock.
import type { Prisma } from "../generated/prisma/client";
import { DB_ERROR_CODES, DbError } from "../errors.js";

/** Locks the account row until the transaction ends; returns its active title id. Throws ACCOUNT_NOT_FOUND. */
export async function lockAccount(tx: Prisma.TransactionClient, accountId: number): Promise<number | null> {
  const rows = await tx.$queryRaw<Array<{ active_title_id: number | null }>>`SELECT "active_title_id" FROM "accounts"
    WHERE "id" = ${accountId} FOR NO KEY UPDATE`;
  const row = rows[0];
  if (!row) throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account ${accountId}`, { details: { accountId } });
  return row.active_title_id === null ? null : Number(row.active_title_id);
}

/**
 * {@link lockAccount} and, in the same statement, the account of character `characterId` (a
 * purchase's buyer: one round trip instead of two). Returns the account's active title id and the
 * character's account id (null when there is no such character). Throws ACCOUNT_NOT_FOUND.
 */
export async function lockAccountWithCharacter(
  tx: Prisma.TransactionClient,
  accountId: number,
  characterId: number,
): Promise<{ activeTitleId: number | null; characterAccountId: number | null }> {
  // Only the account row is locked (OF "a"): the character is read as any other row.
  const rows = await tx.$queryRaw<Array<{ active_title_id: number | null; character_account_id: number | null }>>`SELECT
      "a"."active_title_id", "c"."account_id" AS "character_account_id"
    FROM "accounts" AS "a" LEFT JOIN "characters" AS "c" ON "c"."id" = ${characterId}
    WHERE "a"."id" = ${accountId} FOR NO KEY UPDATE OF "a"`;
  const row = rows[0];
  if (!row) throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account ${accountId}`, { details: { accountId } });
  return {
    activeTitleId: row.active_title_id === null ? null : Number(row.active_title_id),
    characterAccountId: row.character_account_id === null ? null : Number(row.character_account_id),
  };
}
