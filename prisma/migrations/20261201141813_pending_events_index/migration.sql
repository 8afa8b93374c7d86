-- The outbox's pending events, for claimPendingEvents (`delivered_at IS NULL ORDER BY id LIMIT n`).
-- A claim marks rows delivered, so until a vacuum the (delivered_at, id) index keeps an entry for
-- every version that was pending: after a burst of 186k title events the claim read all of them
-- through a bitmap scan, 18.6 ms per claim, and the delivery loop (one connection) held up every
-- handler waiting on it. This index holds pending rows only, is read in id order with a LIMIT, and
-- entries of rows claimed since are marked dead by the first scan that meets them.
CREATE INDEX "game_events_pending_idx" ON "game_events" ("id") WHERE "delivered_at" IS NULL;

-- Pruning reads delivered rows by delivery time. The index it used also covered pending rows, and
-- with it there the planner could still claim through it; each index now holds one kind of row.
DROP INDEX "game_events_delivered_at_id_idx";
CREATE INDEX "game_events_delivered_idx" ON "game_events" ("delivered_at") WHERE "delivered_at" IS NOT NULL;

-- An outbox is a queue: most of its rows become dead soon after they are written. Vacuum it after
-- a fixed number of dead rows rather than a fraction of a table that holds a day of events.
ALTER TABLE "game_events" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000, autovacuum_analyze_scale_factor = 0.02);
