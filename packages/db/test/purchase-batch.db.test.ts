// Group commit of vendor purchases (buyFromVendor's ActionSpec.batch, the buy_from_vendors
// function): purchases made together go as one statement, each charged once with its own ledger
// row and events, refused on its own, never overdrawing; on either database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromJsonColumn } from "../src/json-codec.js";
import { buyFromVendor, DB_ERROR_CODES, DbError, grantCurrency, type ActionOptions, type Database, type PrismaClient } from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { recordingClient } from "./recording-client.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

async function characterWith(gold: bigint) {
  const c = await makeCharacter(db.client);
  await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: gold, reason: "grant", source: "admin" });
  return c;
}

// Item 30010 costs 50 gold at vendor 8003 (no faction): two cost 100.
const buyTwo = (client: PrismaClient, characterId: number, itemId = 30010) =>
  buyFromVendor(client, { ...opts, characterId, vendorId: 8003, itemId, quantity: 2 });

/** Runs `run` on a client that counts its `$queryRaw` calls (each one statement sent). */
async function counted<T>(run: (client: PrismaClient) => Promise<T>): Promise<{ value: T; statements: number }> {
  let statements = 0;
  const client = recordingClient(db.client, (method) => {
    if (method === "$queryRaw") statements += 1;
  });
  return { value: await run(client), statements };
}

const refusal = (outcome: PromiseSettledResult<unknown> | undefined): string | undefined =>
  outcome?.status === "rejected" && outcome.reason instanceof DbError ? outcome.reason.code : undefined;

describe("vendor purchases made together", () => {
  it("go as one statement, each charged once, a purchase that cannot be paid refused alone", async () => {
    const rich = await Promise.all(Array.from({ length: 6 }, () => characterWith(1000n)));
    const poor = await characterWith(150n);
    const buyers = [...rich, poor];
    // Two purchases each, all at once: the poor character can pay for one; the last has no character.
    const { value: outcomes, statements } = await counted((client) =>
      Promise.allSettled([...buyers, ...buyers, { id: 2_000_000_000 }].map((c) => buyTwo(client, c.id))),
    );
    // One statement for the batch, one more to explain each refusal (a read of the gold).
    expect(statements).toBeLessThanOrEqual(3);
    for (const c of rich) {
      const character = await db.client.character.findUniqueOrThrow({ where: { id: c.id } });
      expect(character.gold).toBe(800n);
      expect(await db.client.currencyLedgerEntry.count({ where: { characterId: c.id, source: "vendor" } })).toBe(2);
    }
    expect(outcomes.filter((o) => o.status === "rejected").map(refusal)).toEqual([DB_ERROR_CODES.INSUFFICIENT_FUNDS, DB_ERROR_CODES.CHARACTER_NOT_FOUND]);
    expect((await db.client.character.findUniqueOrThrow({ where: { id: poor.id } })).gold).toBe(50n);
    const item = await db.client.characterInventoryItem.findFirstOrThrow({ where: { characterId: poor.id, itemId: 30010 } });
    expect(item.count).toBe(2);
    // Each purchase's result is its own: a rich character's second purchase saw its first.
    const balances = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value.result.balance] : [])).sort((a, b) => Number(a - b));
    expect(balances).toEqual([50n, ...Array<bigint>(6).fill(800n), ...Array<bigint>(6).fill(900n)]);
  });

  it("writes each purchase's events in call order, the same as a purchase made alone", async () => {
    const [a, b] = await Promise.all([characterWith(1000n), characterWith(1000n)]);
    const alone = await buyTwo(db.client, a.id);
    const { value: together, statements } = await counted((client) => Promise.all([buyTwo(client, b.id), buyTwo(client, a.id), buyTwo(client, b.id)]));
    expect(statements).toBe(1);
    const stored = await db.client.gameEvent.findMany({ where: { characterId: { in: [a.id, b.id] } }, orderBy: { id: "asc" } });
    const purchases = stored.filter((e) => e.kind === "currency.changed" || e.kind === "inventory.changed").map((e) => fromJsonColumn<unknown>(e.payload));
    // The grants' events come first; then the purchase alone, then the batch's, in call order.
    const events = [alone, ...together].flatMap((done) => done.events);
    expect(purchases.slice(-events.length)).toEqual(events);
    expect(together.map((done) => done.result)).toEqual([
      { unitPrice: 50n, spent: 100n, balance: 900n, count: 2 },
      { unitPrice: 50n, spent: 100n, balance: 800n, count: 4 },
      { unitPrice: 50n, spent: 100n, balance: 800n, count: 4 },
    ]);
    const ledger = await db.client.currencyLedgerEntry.findMany({ where: { characterId: { in: [a.id, b.id] }, source: "vendor" }, orderBy: { id: "asc" } });
    expect(ledger.map((e) => [e.characterId, e.delta, e.balanceBefore, e.balanceAfter, e.reason, e.actor])).toEqual(
      [a, b, a, b].map((c, i) => [c.id, -100n, i < 2 ? 1000n : 900n, i < 2 ? 900n : 800n, "vendor 8003 item 30010 x2", expect.any(String)]),
    );
  });

  it("sends every purchase again on its own when one of them overflows an inventory", async () => {
    const buyers = await Promise.all(Array.from({ length: 4 }, () => characterWith(1000n)));
    const full = buyers[2]!;
    await db.client.characterInventoryItem.create({ data: { characterId: full.id, itemId: 30011, count: 2147483647 - 1 } });
    const outcomes = await Promise.allSettled(buyers.map((c) => buyTwo(db.client, c.id, 30011)));
    expect(outcomes.map((o) => (o.status === "fulfilled" ? "bought" : refusal(o)))).toEqual(["bought", "bought", DB_ERROR_CODES.INVENTORY_OVERFLOW, "bought"]);
    expect((await db.client.character.findUniqueOrThrow({ where: { id: full.id } })).gold).toBe(1000n);
    for (const c of buyers) {
      const paid = c.id === full.id ? 0 : 1;
      expect(await db.client.currencyLedgerEntry.count({ where: { characterId: c.id, source: "vendor" } })).toBe(paid);
      expect(await db.client.gameEvent.count({ where: { characterId: c.id, kind: "inventory.changed" } })).toBe(paid);
    }
  });

  it("two batches in flight over the same characters in opposite orders neither deadlock nor overdraw", async () => {
    const deadlocks = async () => {
      const [row] = await db.client.$queryRaw<{ deadlocks: bigint }[]>`SELECT "deadlocks" FROM pg_stat_database WHERE "datname" = current_database()`;
      return BigInt(row?.deadlocks ?? 0n);
    };
    const before = await deadlocks();
    const buyers = await Promise.all(Array.from({ length: 8 }, () => characterWith(500n)));
    // 10 purchases of 100 per character (5 can be paid), a turn apart so that batches overlap, in
    // orders that alternate: without the function's lock in id order, two batches would deadlock.
    const pending: Promise<PromiseSettledResult<unknown>>[] = [];
    for (let round = 0; round < 10; round += 1) {
      for (const c of round % 2 === 0 ? buyers : [...buyers].reverse())
        pending.push(Promise.allSettled([buyTwo(db.client, c.id)]).then(([outcome]) => outcome));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const outcomes = await Promise.all(pending);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(8 * 5);
    expect(new Set(outcomes.flatMap((o) => (o.status === "rejected" ? [refusal(o)] : [])))).toEqual(new Set([DB_ERROR_CODES.INSUFFICIENT_FUNDS]));
    for (const c of buyers) {
      expect((await db.client.character.findUniqueOrThrow({ where: { id: c.id } })).gold).toBe(0n);
      expect((await db.client.characterInventoryItem.findFirstOrThrow({ where: { characterId: c.id, itemId: 30010 } })).count).toBe(10);
    }
    // The statistics collector reports a deadlock within its flush interval: read it after a pause.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await deadlocks()).toBe(before);
  });
});
