import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";
import { accountTitleSelect, toAccountTitleRecord, unexpiredAt, type AccountTitleRecord } from "./title-record.js";

/** Options for {@link listAccountTitles}. */
export interface ListAccountTitlesOptions {
  accountId: number;
  /** The time expiry is judged at (tests); defaults to now. */
  now?: Date;
}

const ListAccountTitlesInput = z.object({ accountId: IdSchema, now: z.date().optional() });

/**
 * The account's titles ordered by title id, without expired ones (`expiresAt <= now`). Empty
 * for an unknown account. Throws DbError INVALID_INPUT for a malformed id or `now`.
 */
export async function listAccountTitles(db: DbClient, options: ListAccountTitlesOptions): Promise<AccountTitleRecord[]> {
  const input = parseInput(ListAccountTitlesInput, options);
  try {
    const rows = await db.accountTitle.findMany({
      where: { accountId: input.accountId, ...unexpiredAt(input.now ?? new Date()) },
      select: accountTitleSelect,
      orderBy: { titleId: "asc" },
    });
    return rows.map(toAccountTitleRecord);
  } catch (error) {
    throw toDbError(error, `Listing the titles of account ${input.accountId} failed`);
  }
}
