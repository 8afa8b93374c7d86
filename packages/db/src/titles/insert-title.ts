// One INSERT .. ON CONFLICT decides who grants: it inserts a missing row or renews an expired
// one, and returns nothing when the title is owned. PostgreSQL re-checks the conflict against
// the latest committed row, so of any number of racing grants exactly one reports granted.
import type { Prisma } from "../generated/prisma/client";
import { accountTitleSelect, toAccountTitleRecord, type AccountTitleRecord, type TitleSource } from "./title-record.js";

/** What {@link insertTitle} writes. */
export interface TitleGrant {
  accountId: number;
  titleId: number;
  source: TitleSource;
  /** null for titles kept for good; otherwise after `now`. */
  expiresAt: Date | null;
  now: Date;
}

/**
 * Grants a title in the caller's transaction, idempotently: an owned, unexpired title returns
 * `granted: false` with the row and changes nothing; an expired one is renewed. The account must
 * exist (the action locked it).
 */
export async function insertTitle(tx: Prisma.TransactionClient, grant: TitleGrant): Promise<{ granted: boolean; title: AccountTitleRecord }> {
  const { accountId, titleId, source, expiresAt, now } = grant;
  const rows = await tx.$queryRaw<Array<{ title_id: number; unlocked_at: Date; source: string; expires_at: Date | null }>>`INSERT INTO "account_titles" AS t
    ("account_id", "title_id", "unlocked_at", "source", "expires_at")
    VALUES (${accountId}, ${titleId}, ${now}::timestamptz, ${source}, ${expiresAt}::timestamptz)
    ON CONFLICT ("account_id", "title_id") DO UPDATE
      SET "unlocked_at" = EXCLUDED."unlocked_at", "source" = EXCLUDED."source", "expires_at" = EXCLUDED."expires_at"
      WHERE t."expires_at" IS NOT NULL AND t."expires_at" <= ${now}::timestamptz
    RETURNING "title_id", "unlocked_at", "source", "expires_at"`;
  const row = rows[0];
  if (row) {
    return {
      granted: true,
      title: toAccountTitleRecord({ titleId: Number(row.title_id), unlockedAt: row.unlocked_at, source: row.source, expiresAt: row.expires_at }),
    };
  }
  // Revokes take the account lock the caller holds, so the row that conflicted is still there.
  const owned = await tx.accountTitle.findUniqueOrThrow({ where: { accountId_titleId: { accountId, titleId } }, select: accountTitleSelect });
  return { granted: false, title: toAccountTitleRecord(owned) };
}
