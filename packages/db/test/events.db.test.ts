import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  announceEvents,
  claimPendingEvents,
  GAME_EVENTS_CHANNEL,
  grantCurrency,
  pruneDeliveredEvents,
  runTransaction,
  type ActionOptions,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { recordingClient } from "./recording-client.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

const grant = (characterId: number, amount: bigint, client = db.client as Parameters<typeof grantCurrency>[0]) =>
  grantCurrency(client, { ...opts, currency: "gold", characterId, amount, reason: "test", source: "gm" });

/** Collects notification payloads; `next()` resolves with the next one. */
async function listenForEvents() {
  const payloads: string[] = [];
  let wake: (() => void) | undefined;
  const unlisten = await db.listen(GAME_EVENTS_CHANNEL, (payload) => {
    payloads.push(payload);
    wake?.();
  });
  return {
    unlisten,
    async next(): Promise<string> {
      while (payloads.length === 0) await new Promise<void>((r) => (wake = r));
      return payloads.shift()!;
    },
  };
}

describe("the event outbox", () => {
  it("hands out each pending event once, oldest first, with bigints intact", async () => {
    while ((await claimPendingEvents(db.client, { limit: 1000 })).length > 0);
    const c = await makeCharacter(db.client);
    await grant(c.id, 5n);
    await grant(c.id, 7n);
    const first = await claimPendingEvents(db.client, { limit: 1 });
    const rest = await claimPendingEvents(db.client, { limit: 10 });
    expect(first.map((e) => e.event)).toEqual([expect.objectContaining({ kind: "currency.changed", delta: 5n, balanceAfter: 5n })]);
    expect(rest.map((e) => e.event)).toEqual([expect.objectContaining({ kind: "currency.changed", delta: 7n, balanceAfter: 12n })]);
    expect(rest[0]!.id > first[0]!.id).toBe(true);
    await expect(claimPendingEvents(db.client, { limit: 10 })).resolves.toEqual([]);
  });

  it("two claimers racing never get the same event", async () => {
    const c = await makeCharacter(db.client);
    for (let i = 1; i <= 20; i++) await grant(c.id, BigInt(i));
    const batches = await Promise.all(Array.from({ length: 4 }, () => claimPendingEvents(db.client, { limit: 7 })));
    const ids = batches.flat().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("claims through the index of pending events only, not one that keeps every delivered row's old entry", async () => {
    // Delivered history, as a burst of title sets leaves it, and a few pending events.
    await db.client.$executeRaw`INSERT INTO "game_events" ("kind", "payload", "delivered_at") SELECT 'title.set', '{}', now() FROM generate_series(1, 3000)`;
    const c = await makeCharacter(db.client);
    for (let i = 1; i <= 3; i++) await grant(c.id, 1n);
    await db.client.$executeRaw`ANALYZE "game_events"`;
    const plan = await db.client.$queryRaw<{ "QUERY PLAN": unknown }[]>`EXPLAIN (FORMAT JSON)
      SELECT "id" FROM "game_events" WHERE "delivered_at" IS NULL ORDER BY "id" LIMIT 1000 FOR UPDATE SKIP LOCKED`;
    expect(JSON.stringify(plan)).toContain('"Index Name":"game_events_pending_idx"');
    expect((await claimPendingEvents(db.client, { limit: 1000 })).length).toBeGreaterThanOrEqual(3);
  });

  it("after a burst claimed and not vacuumed, reads none of its rows again, whatever scan the planner would prefer", async () => {
    // Each claim in its own transaction, where the planner may not choose an index scan (as it did
    // not when the table's statistics were stale), and the heap blocks of game_events it read.
    // (The counter is the connection's since its statistics were last reported: the difference.)
    const claim = () =>
      runTransaction(db.client, async (tx) => {
        const fetched = async () =>
          Number((await tx.$queryRaw<{ n: bigint }[]>`SELECT pg_stat_get_xact_blocks_fetched('"game_events"'::regclass) AS "n"`)[0]!.n);
        await tx.$executeRaw`SET LOCAL enable_indexscan = off`;
        const before = await fetched();
        const events = await claimPendingEvents(tx, { limit: 1000 });
        return { count: events.length, read: (await fetched()) - before };
      });
    await db.client.$executeRaw`INSERT INTO "game_events" ("kind", "payload") SELECT 'title.set', '{}' FROM generate_series(1, 20000)`;
    while ((await claim()).count > 0);
    const c = await makeCharacter(db.client);
    await grant(c.id, 1n);
    // The new event's blocks, not the burst's 20,000 rows (a bitmap scan read 150 blocks).
    expect(await claim()).toEqual({ count: 1, read: expect.any(Number) });
    await grant(c.id, 1n);
    const { count, read } = await claim();
    expect(count).toBe(1);
    expect(read).toBeLessThan(20);
  });

  it("prunes delivered events older than the cut-off", async () => {
    const c = await makeCharacter(db.client);
    await grant(c.id, 1n);
    await claimPendingEvents(db.client, { limit: 1000 });
    await grant(c.id, 1n); // pending: never pruned
    expect(await pruneDeliveredEvents(db.client, { deliveredBefore: new Date(Date.now() + 60_000) })).toBeGreaterThan(0);
    expect(await db.client.gameEvent.count({ where: { deliveredAt: { not: null } } })).toBe(0);
    expect(await db.client.gameEvent.count({ where: { deliveredAt: null } })).toBe(1);
  });

  it("in the caller's transaction, notifies when it commits and not when it rolls back", async () => {
    const c = await makeCharacter(db.client);
    const listener = await listenForEvents();
    try {
      await expect(
        runTransaction(db.client, async (tx) => {
          await grant(c.id, 1n, tx);
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      await runTransaction(db.client, (tx) => grant(c.id, 2n, tx));
      await db.client.$executeRaw`SELECT pg_notify(${GAME_EVENTS_CHANNEL}, 'marker')`;
      // Notifications arrive in commit order: had the rolled-back one been sent, there would be two before the marker.
      expect([await listener.next(), await listener.next()]).toEqual(["", "marker"]);
    } finally {
      await listener.unlisten();
    }
  });

  it("in its own transaction, announces after the commit: a woken listener finds the event", async () => {
    while ((await claimPendingEvents(db.client, { limit: 1000 })).length > 0);
    const c = await makeCharacter(db.client);
    const listener = await listenForEvents();
    try {
      await grant(c.id, 3n);
      expect(await listener.next()).toBe("");
      const claimed = await claimPendingEvents(db.client, { limit: 10 });
      expect(claimed.map((e) => e.event)).toEqual([expect.objectContaining({ kind: "currency.changed", characterId: c.id, delta: 3n })]);
    } finally {
      await listener.unlisten();
    }
  });
});

describe("announceEvents", () => {
  it("sends one NOTIFY at a time: calls while one is on its way share the next", async () => {
    const sent: string[] = [];
    const client = recordingClient(db.client, (method) => {
      if (method === "$executeRaw") sent.push(method);
    });
    const listener = await listenForEvents();
    try {
      await Promise.all(Array.from({ length: 10 }, () => announceEvents(client)));
      expect(sent).toHaveLength(2);
      expect([await listener.next(), await listener.next()]).toEqual(["", ""]);
      await announceEvents(client);
      expect(sent).toHaveLength(3);
    } finally {
      await listener.unlisten();
    }
  });

  it("never rejects when the NOTIFY fails", async () => {
    const failing = new Proxy(db.client, {
      get: (target, prop, receiver) => (prop === "$executeRaw" ? () => Promise.reject(new Error("connection lost")) : Reflect.get(target, prop, receiver)),
    });
    await expect(announceEvents(failing)).resolves.toBeUndefined();
  });
});
