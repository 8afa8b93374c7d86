import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link listInventory}. */
export interface ListInventoryOptions {
  characterId: number;
}

/** How many of an item a character holds. */
export interface InventoryItem {
  itemId: number;
  count: number;
}

const ListInventoryInput = z.object({ characterId: IdSchema });

/**
 * The items the character holds (count above 0), ordered by item id. Empty for an unknown
 * character. Throws DbError INVALID_INPUT for a malformed id.
 */
export async function listInventory(db: DbClient, options: ListInventoryOptions): Promise<InventoryItem[]> {
  const { characterId } = parseInput(ListInventoryInput, options);
  try {
    return await db.characterInventoryItem.findMany({
      where: { characterId, count: { gt: 0 } },
      select: { itemId: true, count: true },
      orderBy: { itemId: "asc" },
    });
  } catch (error) {
    throw toDbError(error, `Listing the inventory of character ${characterId} failed`);
  }
}
