import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { Prisma } from "../generated/prisma/client";
import { fromJsonColumn } from "../json-codec.js";
import { queryRows } from "../open/raw-pool.js";
import { parseInput } from "../validation.js";
import type { GameEvent, StoredGameEvent } from "./game-event.js";

/** Options for {@link claimPendingEvents}. */
export interface ClaimPendingEventsOptions {
  /** At most this many events (1..1000), oldest first. */
  limit: number;
}

interface Row {
  id: bigint;
  created_at: Date;
  payload: unknown;
}

const ClaimPendingEventsInput = z.object({ limit: z.number().int().min(1).max(1000) });

/**
 * Marks up to `limit` undelivered events delivered and returns them in the order they were
 * written. One statement, the `claim_game_events` function (migration
 * 20261201191500_claim_game_events_function): it reads the pending index in id order, so entries
 * of events claimed earlier are skipped once marked dead, and skips rows locked by another
 * claimer, so two claimers never get the same event. The caller delivers what it claimed; an
 * event for a player who is offline is simply dropped (the player reads the state on the next
 * login).
 * Throws DbError INVALID_INPUT (limit), INTERNAL.
 */
export async function claimPendingEvents(db: DbClient, options: ClaimPendingEventsOptions): Promise<StoredGameEvent[]> {
  const { limit } = parseInput(ClaimPendingEventsInput, options);
  try {
    // Through the client's pool when it has one (queryRows): the delivery loop claims all the time.
    const rows = await queryRows<Row>(db, Prisma.sql`SELECT "id", "created_at", "payload" FROM "claim_game_events"(${limit}::integer)`);
    return rows
      .map((r) => ({ id: BigInt(r.id), createdAt: r.created_at, event: fromJsonColumn<GameEvent>(r.payload) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  } catch (error) {
    throw toDbError(error, "Claiming pending events failed");
  }
}
