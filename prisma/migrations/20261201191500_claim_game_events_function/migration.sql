-- claimPendingEvents (packages/db/src/events/claim-pending-events.ts) in a function, so its plan
-- can be pinned: the oldest pending events read through game_events_pending_idx in id order, a
-- plain index scan, never a bitmap scan or a sequential scan.
--
-- A claim marks rows delivered, which leaves their entries in the pending index until a vacuum. A
-- plain index scan marks each entry of a row that is dead to every transaction as dead in the
-- index page, so the next claim skips it without reading the row. A bitmap scan never marks
-- entries: the planner chose one for a table no ANALYZE had seen (PostgreSQL without autovacuum),
-- and every claim then read the heap of every event claimed since the last vacuum. A sequential
-- scan, which the planner may choose for a table it thinks small, reads every row: it is ruled out
-- too. With 150,000 events claimed and not vacuumed, a claim of 32 new ones read 2,900 buffers
-- (13 ms) through a bitmap scan; through the index scan, the first read 3,300 (17 ms) and each one
-- after it 450 (1.3 ms). In the bench, vendor purchases after the title figure's 137,000 events
-- ran at 830/s on PostgreSQL without autovacuum, 1,440/s with the table vacuumed.
--
-- Rows locked by another claimer are skipped (SKIP LOCKED), so two claimers never get the same
-- event. Returns the claimed events, in no particular order.
CREATE FUNCTION "claim_game_events"("p_limit" INTEGER)
RETURNS TABLE ("id" BIGINT, "created_at" TIMESTAMPTZ(3), "payload" JSONB)
LANGUAGE sql VOLATILE
SET "enable_indexscan" = on
SET "enable_bitmapscan" = off
SET "enable_seqscan" = off
AS $$
  UPDATE "game_events" SET "delivered_at" = CURRENT_TIMESTAMP
  WHERE "id" IN (
    SELECT "id" FROM "game_events" WHERE "delivered_at" IS NULL ORDER BY "id" LIMIT "p_limit" FOR UPDATE SKIP LOCKED
  )
  RETURNING "id", "created_at", "payload";
$$;
