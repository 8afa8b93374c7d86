import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  claimPendingEvents,
  GAME_EVENTS_CHANNEL,
  grantCurrency,
  pruneDeliveredEvents,
  runTransaction,
  type ActionOptions,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";

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

  it("prunes delivered events older than the cut-off", async () => {
    const c = await makeCharacter(db.client);
    await grant(c.id, 1n);
    await claimPendingEvents(db.client, { limit: 1000 });
    await grant(c.id, 1n); // pending: never pruned
    expect(await pruneDeliveredEvents(db.client, { deliveredBefore: new Date(Date.now() + 60_000) })).toBeGreaterThan(0);
    expect(await db.client.gameEvent.count({ where: { deliveredAt: { not: null } } })).toBe(0);
    expect(await db.client.gameEvent.count({ where: { deliveredAt: null } })).toBe(1);
  });

  it("notifies listeners when events commit, and not when they roll back", async () => {
    const c = await makeCharacter(db.client);
    const listener = await listenForEvents();
    try {
      await expect(
        runTransaction(db.client, async (tx) => {
          await grant(c.id, 1n, tx);
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      await grant(c.id, 2n);
      const [committed] = await db.client.gameEvent.findMany({ where: { accountId: c.accountId }, select: { id: true } });
      // Notifications arrive in commit order: had the rolled-back one been sent, it would come first.
      expect(await listener.next()).toBe(committed!.id.toString());
    } finally {
      await listener.unlisten();
    }
  });
});
