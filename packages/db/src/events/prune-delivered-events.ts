import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { parseInput } from "../validation.js";

/** Options for {@link pruneDeliveredEvents}. */
export interface PruneDeliveredEventsOptions {
  /** Delivered before this time are deleted. */
  deliveredBefore: Date;
}

const PruneDeliveredEventsInput = z.object({ deliveredBefore: z.date() });

/** Deletes delivered events older than the cut-off; returns how many. Throws DbError INVALID_INPUT, INTERNAL. */
export async function pruneDeliveredEvents(db: DbClient, options: PruneDeliveredEventsOptions): Promise<number> {
  const { deliveredBefore } = parseInput(PruneDeliveredEventsInput, options);
  try {
    const { count } = await db.gameEvent.deleteMany({ where: { deliveredAt: { lt: deliveredBefore } } });
    return count;
  } catch (error) {
    throw toDbError(error, "Pruning delivered events failed");
  }
}
