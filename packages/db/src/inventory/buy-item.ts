// Gold first (one statement that never overdraws, with its ledger row), then
// the item count, in one transaction: a refused or failed step leaves neither changed.
import { z } from "zod";
import { runTransaction, type DbClient } from "../client.js";
import { getGold } from "../currency/get-gold.js";
import { applyCurrencyChange } from "../currency/apply-currency-change.js";
import { DB_ERROR_CODES, DbError, isForeignKeyViolation, toDbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { IdSchema, MAX_INT64, parseGoldAmountOrZero, parseInput, ReasonSchema } from "../validation.js";

/** Largest quantity one purchase may buy. */
export const MAX_PURCHASE_QUANTITY = 1000;

/** Options for {@link buyItem}. */
export interface BuyItemOptions {
  characterId: number;
  itemId: number;
  /** 1..1000. */
  quantity: number;
  /** The price of one item after any discount; 0n for a free item. */
  unitPrice: bigint;
  /** Ledger reason (1..64 characters), e.g. "vendor 8001". */
  reason: string;
}

/** Result of {@link buyItem}. */
export interface BuyItemResult {
  /** The gold balance after the purchase. */
  balance: bigint;
  /** How many of the item the character holds now. */
  count: number;
  /** quantity * unitPrice. */
  spent: bigint;
}

const InputSchema = z.object({
  characterId: IdSchema,
  itemId: IdSchema,
  quantity: z.number().int().min(1).max(MAX_PURCHASE_QUANTITY),
  reason: ReasonSchema,
});

async function addItems(tx: Prisma.TransactionClient, characterId: number, itemId: number, quantity: number): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ count: number }>>`INSERT INTO "character_inventory" AS t ("character_id", "item_id", "count")
    VALUES (${characterId}, ${itemId}, ${quantity})
    ON CONFLICT ("character_id", "item_id") DO UPDATE SET "count" = t."count" + EXCLUDED."count", "updated_at" = CURRENT_TIMESTAMP
      WHERE t."count" <= 2147483647 - EXCLUDED."count"
    RETURNING "count"`;
  const row = rows[0];
  if (!row) {
    throw new DbError(DB_ERROR_CODES.INVENTORY_OVERFLOW, `Character ${characterId} cannot hold ${quantity} more of item ${itemId}`, {
      details: { characterId, itemId, quantity },
    });
  }
  return Number(row.count);
}

/**
 * Buys `quantity` of an item for `quantity * unitPrice` gold, in one transaction (the caller's
 * when `db` is a transaction client): the gold is spent with its ledger row
 * (none for a free item), then the item count grows. Concurrent purchases never overdraw.
 * Throws DbError INSUFFICIENT_FUNDS (nothing changed), CHARACTER_NOT_FOUND, INVENTORY_OVERFLOW
 * (the count would pass 2^31-1; nothing changed), INVALID_AMOUNT (unitPrice not a bigint >= 0,
 * or a total past 2^63-1), INVALID_INPUT (ids, quantity outside 1..1000, reason).
 */
export async function buyItem(db: DbClient, options: BuyItemOptions): Promise<BuyItemResult> {
  const input = parseInput(InputSchema, options);
  const unitPrice = parseGoldAmountOrZero(options.unitPrice);
  const spent = unitPrice * BigInt(input.quantity);
  if (spent > MAX_INT64) {
    throw new DbError(DB_ERROR_CODES.INVALID_AMOUNT, `${input.quantity} x ${unitPrice} gold exceeds the 64-bit maximum`, {
      details: { quantity: input.quantity, unitPrice: unitPrice.toString() },
    });
  }
  const { characterId, itemId, quantity, reason } = input;
  try {
    return await runTransaction(db, async (tx) => {
      const balance = spent === 0n ? await getGold(tx, { characterId }) : (
              await applyCurrencyChange(tx, {
                currency: "gold",
                characterId,
                delta: -spent,
                reason,
                source: "vendor",
                actor: `character:${characterId}`,
                idempotencyKey: null,
              })
            ).balanceAfter;
      const count = await addItems(tx, characterId, itemId, quantity);
      return { balance, count, spent };
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { cause: error, details: { characterId } });
    }
    throw toDbError(error, `Buying item ${itemId} for character ${characterId} failed`);
  }
}
