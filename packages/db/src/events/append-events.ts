import { Prisma } from "../generated/prisma/client";
import { toJsonColumn } from "../json-codec.js";
import type { GameEvent } from "./game-event.js";

/** The PostgreSQL channel notified (on commit) when events are written. */
export const GAME_EVENTS_CHANNEL = "bezgelor_game_events";

/** An idempotency key's result to store along with the events (see idempotency-key.ts). */
export interface IdempotentResult {
  key: string;
  result: unknown;
}

/**
 * An event for {@link appendEventsCte}: `event` as stored, less the fields `fill` supplies: a
 * jsonb object expression over the statement's other CTEs whose keys are added to it (bigints
 * tagged as toJsonColumn tags them: see jsonBigintSql). The outbox columns come from the result's
 * kind, accountId and characterId.
 */
export interface OutboxEntry {
  readonly event: Pick<GameEvent, "kind">;
  readonly fill?: Prisma.Sql;
}

/**
 * The CTE `"appended"` of a data-modifying statement: inserts `entries` into the outbox, ids in the
 * order given, once per row of `from` (a FROM list of the statement's single-row CTEs, which the
 * fills may reference: when one is empty, no event is written), returning their ids.
 */
export function appendEventsCte(entries: readonly OutboxEntry[], from?: Prisma.Sql): Prisma.Sql {
  const payloads = JSON.stringify(entries.map((entry) => toJsonColumn(entry.event)));
  const fills = entries.map((entry) => entry.fill ?? Prisma.sql`'{}'::jsonb`);
  const payload = entries.some((entry) => entry.fill) ? Prisma.sql`x.e || (ARRAY[${Prisma.join(fills)}]::jsonb[])[x.n::integer]` : Prisma.sql`x.e`;
  const source = Prisma.sql`jsonb_array_elements(${payloads}::jsonb) WITH ORDINALITY AS x(e, n)`;
  return Prisma.sql`"appended" AS (
      INSERT INTO "game_events" ("kind", "account_id", "character_id", "payload")
      SELECT p->>'kind', (p->>'accountId')::integer, (p->>'characterId')::integer, p
        FROM (SELECT ${payload} AS p, x.n FROM ${from ? Prisma.sql`${from}, ${source}` : source}) AS "filled" ORDER BY n
      RETURNING "id")`;
}

/** A statement that notifies {@link GAME_EVENTS_CHANNEL} (an empty payload), delivered when its transaction commits. */
export const NOTIFY_EVENTS = Prisma.sql`SELECT pg_notify(${GAME_EVENTS_CHANNEL}, '')`;

/**
 * Writes events to the outbox inside the caller's transaction, in one statement (a data-modifying
 * CTE) along with the idempotency key's result when one is given; with `notify`, that statement
 * also notifies {@link GAME_EVENTS_CHANNEL}, even when `events` is empty (events written earlier in
 * the transaction). PostgreSQL delivers the notification only when the transaction commits, so a
 * listener never wakes for events that were rolled back, but it also makes each notifying commit
 * wait for the one before: a caller that owns the transaction notifies after commit instead (see
 * announceEvents). Events get ids in the order given.
 */
export async function appendEvents(
  tx: Prisma.TransactionClient,
  events: readonly GameEvent[],
  options: { idempotent?: IdempotentResult | undefined; notify: boolean },
): Promise<void> {
  const { idempotent, notify } = options;
  const store = idempotent
    ? Prisma.sql`UPDATE "idempotency_keys" SET "result" = ${JSON.stringify(toJsonColumn({ value: idempotent.result }))}::jsonb
        WHERE "key" = ${idempotent.key}`
    : undefined;
  const ctes = [...(events.length > 0 ? [appendEventsCte(events.map((event) => ({ event })))] : []), ...(store ? [Prisma.sql`"stored" AS (${store})`] : [])];
  if (ctes.length === 0) {
    if (notify) await tx.$executeRaw(NOTIFY_EVENTS);
    return;
  }
  await tx.$executeRaw`WITH ${Prisma.join(ctes)} ${notify ? NOTIFY_EVENTS : Prisma.sql`SELECT 1`}`;
}

/**
 * Wraps `query`, a statement returning one row with a boolean column "ok" (a row with "ok" false
 * must have changed nothing), into one statement that also writes `events` to the outbox, only when
 * "ok" is true; with `notify`, it notifies {@link GAME_EVENTS_CHANNEL} too, when it wrote them.
 * Returns the query's row(s). Sent outside a transaction, the whole is atomic: the change and its
 * events commit together or not at all.
 */
export function withAppendedEvents(query: Prisma.Sql, events: readonly GameEvent[], notify: boolean): Prisma.Sql {
  if (events.length === 0) return query;
  const notified = notify
    ? Prisma.sql`, (SELECT pg_notify(${GAME_EVENTS_CHANNEL}, '') IS NOT NULL FROM "appended" HAVING count(*) > 0) AS "notified"`
    : Prisma.empty;
  // "action" is read twice, so it runs once (materialized); "succeeded" has its one row only when it did.
  return Prisma.sql`WITH "action" AS MATERIALIZED (${query}),
    "succeeded" AS (SELECT 1 FROM "action" HAVING bool_and("ok")),
    ${appendEventsCte(
      events.map((event) => ({ event })),
      Prisma.sql`"succeeded"`,
    )}
    SELECT "action".*${notified} FROM "action"`;
}

/**
 * The batch form of {@link withAppendedEvents}: `query` returns one row per statement of a batch,
 * each with "n" (its 1-based position) and "ok"; `events[n - 1]` are written to the outbox only
 * when row n's "ok" is true, ordered by n, then as given. Returns the query's rows ordered by "n".
 * Sent outside a transaction, the whole is atomic: every change and its events commit together or
 * not at all. No notification: the caller announces after commit (announceEvents).
 */
export function withAppendedEventsPerRow(query: Prisma.Sql, events: readonly (readonly GameEvent[])[]): Prisma.Sql {
  const payloads = JSON.stringify(events.map((list) => list.map((event) => toJsonColumn(event))));
  return Prisma.sql`WITH "action" AS MATERIALIZED (${query}),
    "appended" AS (
      INSERT INTO "game_events" ("kind", "account_id", "character_id", "payload")
      SELECT x.p->>'kind', (x.p->>'accountId')::integer, (x.p->>'characterId')::integer, x.p
        FROM "action" AS "a"
        CROSS JOIN LATERAL jsonb_array_elements((${payloads}::jsonb)->("a"."n"::integer - 1)) WITH ORDINALITY AS x(p, m)
        WHERE "a"."ok" ORDER BY "a"."n", x.m
      RETURNING "id")
    SELECT "action".* FROM "action" ORDER BY "action"."n"`;
}
