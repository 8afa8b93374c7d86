import type { StatementRow } from "../actions/action.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { Prisma } from "../generated/prisma/client";

/** The row of the set_active_title function (migration 20261130235500_set_active_title_function). */
export interface SetActiveTitleRow extends StatementRow {
  /** Why nothing changed, when "ok" is false. */
  failure: "ACCOUNT_NOT_FOUND" | "TITLE_NOT_OWNED" | null;
  /** The active title before; null for none (or no account). */
  before_title_id: number | null;
}

/**
 * One statement that sets (or with null clears) the account's active title: it locks the account
 * row, then checks ownership (unexpired at `now`) on a snapshot taken after the lock was granted,
 * then updates, so a concurrent revoke can never leave an unowned title active. Returns one
 * {@link SetActiveTitleRow}; read it with {@link activeTitleBefore}.
 */
export function updateActiveTitleSql(accountId: number, titleId: number | null, now: Date): Prisma.Sql {
  return Prisma.sql`SELECT "ok", "failure", "before_title_id"
    FROM set_active_title(${accountId}::integer, ${titleId}::integer, ${now}::timestamptz)`;
}

/**
 * The active title before, from the row of {@link updateActiveTitleSql}.
 * Throws DbError TITLE_NOT_OWNED, ACCOUNT_NOT_FOUND (the statement changed nothing).
 */
export function activeTitleBefore(row: SetActiveTitleRow, accountId: number, titleId: number | null): number | null {
  if (row.failure === "ACCOUNT_NOT_FOUND") throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account ${accountId}`, { details: { accountId } });
  if (!row.ok) throw new DbError(DB_ERROR_CODES.TITLE_NOT_OWNED, `Account ${accountId} does not own title ${titleId}`, { details: { accountId, titleId } });
  return row.before_title_id === null ? null : Number(row.before_title_id);
}

/**
 * Sets (or with null clears) the account's active title in the caller's transaction, as
 * {@link updateActiveTitleSql}. Returns the active title before.
 * Throws DbError TITLE_NOT_OWNED (nothing changed), ACCOUNT_NOT_FOUND.
 */
export async function updateActiveTitle(tx: Prisma.TransactionClient, accountId: number, titleId: number | null, now: Date): Promise<number | null> {
  const [row] = await tx.$queryRaw<SetActiveTitleRow[]>(updateActiveTitleSql(accountId, titleId, now));
  if (!row) throw new Error("set_active_title returned no row");
  return activeTitleBefore(row, accountId, titleId);
}

/** One call of {@link updateActiveTitlesSql}. */
export interface ActiveTitleCall {
  readonly accountId: number;
  /** The title to show; null clears it. */
  readonly titleId: number | null;
  readonly now: Date;
}

/**
 * The batch form of {@link updateActiveTitleSql} (setActiveTitle's ActionSpec.batch): the
 * set_active_titles function (migration 20261201113000_set_active_titles_function), one row per
 * call with "n", its 1-based position, and the columns of {@link SetActiveTitleRow}. It locks the
 * batch's accounts in id order, then checks every call on a snapshot taken after the locks;
 * calls on one account take effect in the order given.
 */
export function updateActiveTitlesSql(calls: readonly ActiveTitleCall[]): Prisma.Sql {
  const accounts = calls.map((call) => call.accountId);
  const titles = calls.map((call) => call.titleId);
  const times = calls.map((call) => call.now.toISOString());
  return Prisma.sql`SELECT "n", "ok", "failure", "before_title_id"
    FROM set_active_titles(${accounts}::integer[], ${titles}::integer[], ${times}::timestamptz[])`;
}
