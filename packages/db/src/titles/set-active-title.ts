import { z } from "zod";
import { runTransaction, type DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isRecordNotFound, toDbError } from "../errors.js";
import { ClientIdSchema, IdSchema, parseInput } from "../validation.js";
import { lockAccount } from "./lock-account.js";

/** Options for {@link setActiveTitle}. */
export interface SetActiveTitleOptions {
  accountId: number;
  /** The title to show; null or 0 clears it. */
  titleId: number | null;
  /** The time expiry is judged at (tests); defaults to now. */
  now?: Date;
}

/** Result of {@link setActiveTitle}. */
export interface SetActiveTitleResult {
  activeTitleId: number | null;
}

const InputSchema = z.object({
  accountId: IdSchema,
  titleId: z.union([z.literal(0), ClientIdSchema]).nullable(),
  now: z.date().optional(),
});

function notFound(accountId: number, cause?: unknown): DbError {
  return new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account ${accountId}`, { cause, details: { accountId } });
}

/**
 * Sets the account's active title, or clears it (null or 0). The account must own the title,
 * unexpired at `now`; the check and the update happen in one transaction under the account row
 * lock, so a concurrent revokeTitle can never leave an unowned title active.
 * Throws DbError TITLE_NOT_OWNED (nothing changed), ACCOUNT_NOT_FOUND, INVALID_INPUT (ids, title
 * id outside 0..16383).
 */
export async function setActiveTitle(db: DbClient, options: SetActiveTitleOptions): Promise<SetActiveTitleResult> {
  const input = parseInput(InputSchema, options);
  const { accountId } = input;
  const titleId = input.titleId === 0 ? null : input.titleId;
  const now = input.now ?? new Date();
  try {
    if (titleId === null) {
      await db.account.update({ where: { id: accountId }, data: { activeTitleId: null }, select: { id: true } });
      return { activeTitleId: null };
    }
    return await runTransaction(db, async (tx) => {
      await lockAccount(tx, accountId);
      const rows = await tx.$queryRaw<Array<{ active_title_id: number }>>`UPDATE "accounts" SET "active_title_id" = ${titleId}
        WHERE "id" = ${accountId} AND EXISTS (
          SELECT 1 FROM "account_titles" WHERE "account_id" = ${accountId} AND "title_id" = ${titleId}
            AND ("expires_at" IS NULL OR "expires_at" > ${now}::timestamptz))
        RETURNING "active_title_id"`;
      if (rows.length === 0) {
        throw new DbError(DB_ERROR_CODES.TITLE_NOT_OWNED, `Account ${accountId} does not own title ${titleId}`, { details: { accountId, titleId } });
      }
      return { activeTitleId: titleId };
    });
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound(accountId, error);
    throw toDbError(error, `Setting the active title of account ${accountId} failed`);
  }
}
