// The one internal step that moves items in or out of character_inventory inside an action, with
// its inventory.changed event. Taking out is guarded in the statement (never below zero) and
// adding is guarded against 2^31-1, so concurrent changes serialise on the row and never
// overdraw. Shared by mail; other item movements can join it.
import type { ActionContext } from "../actions/action.js";

/** One change of an item count. */
export interface ItemCountChange {
  characterId: number;
  /** For the event. */
  accountId: number;
  itemId: number;
  /** Non-zero: positive adds, negative takes out. */
  delta: number;
}

/**
 * Applies the change and emits inventory.changed; returns the new count, or null when it would
 * go below zero (taking out more than held) or past 2^31-1 (adding), in which case nothing changed.
 */
export async function changeItemCount(ctx: ActionContext, change: ItemCountChange): Promise<number | null> {
  const { characterId, itemId, delta } = change;
  const rows =
    delta > 0
      ? await ctx.tx.$queryRaw<Array<{ count: number }>>`INSERT INTO "character_inventory" AS t ("character_id", "item_id", "count")
          VALUES (${characterId}, ${itemId}, ${delta})
          ON CONFLICT ("character_id", "item_id") DO UPDATE SET "count" = t."count" + EXCLUDED."count", "updated_at" = CURRENT_TIMESTAMP
            WHERE t."count" <= 2147483647 - EXCLUDED."count"
          RETURNING "count"`
      : await ctx.tx.$queryRaw<Array<{ count: number }>>`UPDATE "character_inventory" SET "count" = "count" - ${-delta}, "updated_at" = CURRENT_TIMESTAMP
          WHERE "character_id" = ${characterId} AND "item_id" = ${itemId} AND "count" >= ${-delta}
          RETURNING "count"`;
  const row = rows[0];
  if (!row) return null;
  const count = Number(row.count);
  ctx.emit({ kind: "inventory.changed", accountId: change.accountId, characterId, itemId, delta, count });
  return count;
}
