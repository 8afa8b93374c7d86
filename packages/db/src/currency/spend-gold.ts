import type { DbClient } from "../client.js";
import { changeGold, type GoldChange, type GoldChangeOptions } from "./gold-change.js";

/** Options for {@link spendGold}. */
export type SpendGoldOptions = GoldChangeOptions;

/**
 * Debits gold and writes one ledger row, atomically (one SQL statement that only matches when
 * the balance covers the amount, so parallel spends never overdraw).
 * Throws DbError INSUFFICIENT_FUNDS (nothing changed), INVALID_AMOUNT, INVALID_INPUT,
 * CHARACTER_NOT_FOUND.
 */
export function spendGold(db: DbClient, options: SpendGoldOptions): Promise<GoldChange> {
  return changeGold(db, "spend", options);
}
