// Group commit on PostgreSQL for a one-statement action without a batch form (ActionSpec.lockOrder):
// vendor purchases made together are sent in one transaction, one commit (one WAL flush) for all,
// each still refused on its own and never overdrawing.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buyFromVendor, DB_ERROR_CODES, DbError, grantCurrency, type ActionOptions, type Database } from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());
afterEach(() => vi.restoreAllMocks());

async function characterWith(gold: bigint) {
  const c = await makeCharacter(db.client);
  await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: gold, reason: "grant", source: "admin" });
  return c;
}

// Item 30010 costs 50 gold at vendor 8003 (no faction): two cost 100.
const buyTwo = (characterId: number, itemId = 30010) => buyFromVendor(db.client, { ...opts, characterId, vendorId: 8003, itemId, quantity: 2 });

const refusal = (outcome: PromiseSettledResult<unknown> | undefined): string | undefined =>
  outcome?.status === "rejected" && outcome.reason instanceof DbError ? outcome.reason.code : undefined;

describe.skipIf(!process.env.DATABASE_URL)("vendor purchases made together on PostgreSQL", () => {
  it("share one transaction, each charged once, a purchase that cannot be paid refused alone", async () => {
    const rich = await Promise.all(Array.from({ length: 6 }, () => characterWith(1000n)));
    const poor = await characterWith(150n);
    const connects = vi.spyOn(pg.Pool.prototype, "connect");
    const buyers = [...rich, poor];
    // Two purchases each, all at once: the poor character can pay for one.
    const outcomes = await Promise.allSettled([...buyers, ...buyers].map((c) => buyTwo(c.id)));
    // Fewer connections taken than purchases: they were sent together (one per batch in flight).
    expect(connects.mock.calls.length).toBeLessThan(outcomes.length / 2);
    for (const c of rich) {
      const character = await db.client.character.findUniqueOrThrow({ where: { id: c.id } });
      expect(character.gold).toBe(800n);
      expect(await db.client.currencyLedgerEntry.count({ where: { characterId: c.id, source: "vendor" } })).toBe(2);
    }
    expect(outcomes.filter((o) => o.status === "rejected").map(refusal)).toEqual([DB_ERROR_CODES.INSUFFICIENT_FUNDS]);
    expect((await db.client.character.findUniqueOrThrow({ where: { id: poor.id } })).gold).toBe(50n);
    const item = await db.client.characterInventoryItem.findFirstOrThrow({ where: { characterId: poor.id, itemId: 30010 } });
    expect(item.count).toBe(2);
    // Each purchase's result is its own: the second of a rich character saw the first.
    const balances = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value.result.balance] : [])).sort((a, b) => Number(a - b));
    expect(balances).toEqual([50n, ...Array<bigint>(6).fill(800n), ...Array<bigint>(6).fill(900n)]);
  });

  it("sends every purchase again on its own when one of them aborts the transaction", async () => {
    const buyers = await Promise.all(Array.from({ length: 4 }, () => characterWith(1000n)));
    const full = buyers[2]!;
    await db.client.characterInventoryItem.create({ data: { characterId: full.id, itemId: 30011, count: 2147483647 - 1 } });
    const outcomes = await Promise.allSettled(buyers.map((c) => buyTwo(c.id, 30011)));
    expect(outcomes.map((o) => (o.status === "fulfilled" ? "bought" : refusal(o)))).toEqual(["bought", "bought", DB_ERROR_CODES.INVENTORY_OVERFLOW, "bought"]);
    expect((await db.client.character.findUniqueOrThrow({ where: { id: full.id } })).gold).toBe(1000n);
    for (const c of buyers) {
      const paid = c.id === full.id ? 0 : 1;
      expect(await db.client.currencyLedgerEntry.count({ where: { characterId: c.id, source: "vendor" } })).toBe(paid);
    }
  });
});
