import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";

/**
 * Adds `quantity` of an item to the character's inventory in the caller's transaction; returns the
 * new count. One statement, so racing additions never lose one. Throws DbError INVENTORY_OVERFLOW
 * when the count would pass 2^31-1 (nothing changed).
 */
export async function addItems(tx: Prisma.TransactionClient, characterId: number, itemId: number, quantity: number): Promise<number> {
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
