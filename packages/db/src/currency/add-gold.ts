import type { DbClient } from "../client.js";
import { changeGold, type GoldChange, type GoldChangeOptions } from "./gold-change.js";

/** Options for {@link addGold}. */
export type AddGoldOptions = GoldChangeOptions;

/**
 * Credits gold and writes one ledger row, atomically (one SQL statement).
 * Throws DbError INVALID_AMOUNT (not a positive 64-bit bigint), INVALID_INPUT (bad id, reason
 * not 1..64 characters), CHARACTER_NOT_FOUND, BALANCE_OVERFLOW (the balance would pass
 * 2^63-1; nothing is changed, never capped).
 */
export function addGold(db: DbClient, options: AddGoldOptions): Promise<GoldChange> {
  return changeGold(db, "add", options);
}
