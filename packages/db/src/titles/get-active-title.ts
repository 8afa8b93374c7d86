import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link getActiveTitle}. */
export interface GetActiveTitleOptions {
  accountId: number;
  /** The time expiry is judged at (tests); defaults to now. */
  now?: Date;
}

const GetActiveTitleInput = z.object({ accountId: IdSchema, now: z.date().optional() });

/**
 * The account's active title id, or null when none is set or it has expired since (an event
 * title whose `expiresAt <= now`). Throws DbError ACCOUNT_NOT_FOUND, INVALID_INPUT.
 */
export async function getActiveTitle(db: DbClient, options: GetActiveTitleOptions): Promise<number | null> {
  const input = parseInput(GetActiveTitleInput, options);
  const now = input.now ?? new Date();
  let rows: Array<{ title_id: number | null }>;
  try {
    // One statement: the active id and its ownership are read from the same snapshot.
    rows = await db.$queryRaw`SELECT t."title_id" FROM "accounts" a
      LEFT JOIN "account_titles" t ON t."account_id" = a."id" AND t."title_id" = a."active_title_id"
        AND (t."expires_at" IS NULL OR t."expires_at" > ${now}::timestamptz)
      WHERE a."id" = ${input.accountId}`;
  } catch (error) {
    throw toDbError(error, `Reading the active title of account ${input.accountId} failed`);
  }
  const row = rows[0];
  if (!row) throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account ${input.accountId}`, { details: { accountId: input.accountId } });
  return row.title_id === null ? null : Number(row.title_id);
}
