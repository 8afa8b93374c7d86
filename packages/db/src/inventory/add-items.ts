import { DB_ERROR_CODES, DbError } from "../errors.js";
import { Prisma } from "../generated/prisma/client";

/**
 * The CTE `"stocked"`: adds `quantity` of an item to the character's inventory, once per row of
 * `from` (a FROM list of single-row CTEs the addition depends on; always when omitted), returning
 * the new `count`. Empty when the count would pass 2^31-1 (see {@link inventoryOverflow}).
 */
export function addItemsCte(characterId: number, itemId: number, quantity: number, from?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`"stocked" AS (INSERT INTO "character_inventory" AS t ("character_id", "item_id", "count")
    SELECT ${characterId}::integer, ${itemId}::integer, ${quantity}::integer ${from ? Prisma.sql`FROM ${from}` : Prisma.empty}
    ON CONFLICT ("character_id", "item_id") DO UPDATE SET "count" = t."count" + EXCLUDED."count", "updated_at" = CURRENT_TIMESTAMP
      WHERE t."count" <= 2147483647 - EXCLUDED."count"
    RETURNING "count")`;
}

/** The DbError INVENTORY_OVERFLOW of an addition that would take a count past 2^31-1. */
export function inventoryOverflow(characterId: number, itemId: number, quantity: number): DbError {
  return new DbError(DB_ERROR_CODES.INVENTORY_OVERFLOW, `Character ${characterId} cannot hold ${quantity} more of item ${itemId}`, {
    details: { characterId, itemId, quantity },
  });
}
