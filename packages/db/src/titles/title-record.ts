import { TITLE_UNLOCK_TYPE, type TitleUnlockType } from "@bezgelor/data";
import type { Prisma } from "../generated/prisma/client";

/**
 * Where a title came from: one of the data's title unlock types (`TITLE_UNLOCK_TYPE` in
 * @bezgelor/data), or a promo code; the CHECK constraint on `account_titles.source` lists the same
 * (a test compares).
 */
export const TITLE_SOURCES = [...Object.values(TITLE_UNLOCK_TYPE), "promo"] as const;
/** One of {@link TITLE_SOURCES}. */
export type TitleSource = TitleUnlockType | "promo";

/** A title the account owns. */
export interface AccountTitleRecord {
  titleId: number;
  unlockedAt: Date;
  source: TitleSource;
  /** When an event title stops counting as owned; null for titles kept for good. */
  expiresAt: Date | null;
}

export const accountTitleSelect = {
  titleId: true,
  unlockedAt: true,
  source: true,
  expiresAt: true,
} satisfies Prisma.AccountTitleSelect;

/** The row as returned; `source` is narrowed (the CHECK constraint guarantees it). */
export function toAccountTitleRecord(row: Prisma.AccountTitleGetPayload<{ select: typeof accountTitleSelect }>): AccountTitleRecord {
  return { titleId: row.titleId, unlockedAt: row.unlockedAt, source: row.source as TitleSource, expiresAt: row.expiresAt };
}

/** Prisma filter for rows that have not expired at `now`. */
export function unexpiredAt(now: Date): Prisma.AccountTitleWhereInput {
  return { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}
