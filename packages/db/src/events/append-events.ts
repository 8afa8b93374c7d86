import type { Prisma } from "../generated/prisma/client";
import { toJsonColumn } from "../json-codec.js";
import type { GameEvent } from "./game-event.js";

/** The PostgreSQL channel notified (on commit) when events are written. */
export const GAME_EVENTS_CHANNEL = "bezgelor_game_events";

/**
 * Writes events to the outbox inside the caller's transaction and notifies
 * {@link GAME_EVENTS_CHANNEL} with the id of the last event written. PostgreSQL delivers the notification only when the transaction
 * commits, so a listener never wakes for events that were rolled back.
 */
export async function appendEvents(tx: Prisma.TransactionClient, events: readonly GameEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = await tx.gameEvent.createManyAndReturn({
    select: { id: true },
    data: events.map((event) => ({
      kind: event.kind,
      accountId: event.accountId,
      characterId: event.characterId,
      payload: toJsonColumn(event),
    })),
  });
  const last = rows.reduce((max, r) => (r.id > max ? r.id : max), 0n);
  await tx.$executeRaw`SELECT pg_notify(${GAME_EVENTS_CHANNEL}, ${last.toString()})`;
}
