import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link getItemCount}. */
export interface GetItemCountOptions {
  characterId: number;
  itemId: number;
}

const GetItemCountInput = z.object({ characterId: IdSchema, itemId: IdSchema });

/**
 * How many of the item the character holds; 0 when none (or for an unknown character).
 * Throws DbError INVALID_INPUT for malformed ids.
 */
export async function getItemCount(db: DbClient, options: GetItemCountOptions): Promise<number> {
  const { characterId, itemId } = parseInput(GetItemCountInput, options);
  try {
    const row = await db.characterInventoryItem.findUnique({ where: { characterId_itemId: { characterId, itemId } }, select: { count: true } });
    return row?.count ?? 0;
  } catch (error) {
    throw toDbError(error, `Reading item ${itemId} of character ${characterId} failed`);
  }
}
