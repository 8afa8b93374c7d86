import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  awardReputation,
  buyFromVendor,
  DB_ERROR_CODES,
  getGold,
  getItemCount,
  grantCurrency,
  listInventory,
  runTransaction,
  type ActionOptions,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";
import { failAt, snapshot } from "./state-snapshot.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

const UNKNOWN = 2_000_000_000;
const ledger = (characterId: number) => db.client.currencyLedgerEntry.findMany({ where: { characterId }, orderBy: { id: "asc" } });

async function richCharacter(gold = 1000n) {
  const c = await makeCharacter(db.client);
  await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: gold, reason: "grant", source: "admin" });
  return c;
}

// Vendor 8003 sells item 30010 at 50 and needs no reputation; 8001 sells 30001 at 1000, friendly with 166 (5% off).
const buy = (characterId: number, over: { vendorId?: number; itemId?: number; quantity?: number } & Partial<ActionOptions> = {}) =>
  buyFromVendor(db.client, { ...opts, vendorId: 8003, itemId: 30010, quantity: 2, ...over, characterId });

describe("buyFromVendor", () => {
  it("spends quantity x the quoted price with one ledger row and adds the items, with their events", async () => {
    const c = await richCharacter();
    const first = await buy(c.id);
    expect(first.result).toEqual({ unitPrice: 50n, spent: 100n, balance: 900n, count: 2 });
    expect(first.events).toEqual([
      expect.objectContaining({
        kind: "currency.changed",
        currency: "gold",
        delta: -100n,
        balanceBefore: 1000n,
        balanceAfter: 900n,
        source: "vendor",
        reason: "vendor 8003 item 30010 x2",
      }),
      { kind: "inventory.changed", accountId: c.accountId, characterId: c.id, itemId: 30010, delta: 2, count: 2 },
    ]);
    await expect(buy(c.id, { quantity: 3 })).resolves.toMatchObject({ result: { balance: 750n, count: 5, spent: 150n } });
    expect((await ledger(c.id)).slice(1).map((e) => [e.delta, e.balanceBefore, e.balanceAfter, e.source])).toEqual([
      [-100n, 1000n, 900n, "vendor"],
      [-150n, 900n, 750n, "vendor"],
    ]);
    await expect(getItemCount(db.client, { characterId: c.id, itemId: 30010 })).resolves.toBe(5);
  });

  it("quotes from the standing read in the transaction: refused below friendly, 5% off at friendly", async () => {
    const c = await richCharacter(2000n);
    const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
    await expectDbError(buy(c.id, { vendorId: 8001, itemId: 30001, quantity: 1 }), DB_ERROR_CODES.REPUTATION_TOO_LOW);
    await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
    await awardReputation(db.client, { ...opts, characterId: c.id, changes: [{ factionId: 166, delta: 3000 }], source: "test" });
    await expect(buy(c.id, { vendorId: 8001, itemId: 30001, quantity: 1 })).resolves.toMatchObject({ result: { unitPrice: 950n, balance: 1050n, count: 1 } });
  });

  it("spending the whole balance works; one more is INSUFFICIENT_FUNDS and changes nothing", async () => {
    const c = await richCharacter(100n);
    await expect(buy(c.id)).resolves.toMatchObject({ result: { balance: 0n, count: 2 } });
    const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
    await expectDbError(buy(c.id), DB_ERROR_CODES.INSUFFICIENT_FUNDS);
    await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
  });

  it.each(["vendor.paid", "inventory.changed", "events"])("a fault at %s leaves nothing changed and no event", async (step) => {
    const c = await richCharacter();
    const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
    await expectDbError(buy(c.id, { faults: failAt(step) }), DB_ERROR_CODES.INTERNAL);
    await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
  });

  it("rolls back with a caller's transaction", async () => {
    const c = await richCharacter();
    const failure = runTransaction(db.client, async (tx) => {
      await buyFromVendor(tx, { ...opts, characterId: c.id, vendorId: 8003, itemId: 30010, quantity: 1 });
      throw new Error("rollback");
    });
    await expect(failure).rejects.toThrow("rollback");
    await expect(getGold(db.client, { characterId: c.id })).resolves.toBe(1000n);
    await expect(listInventory(db.client, { characterId: c.id })).resolves.toEqual([]);
  });

  it("refuses a count past 2^31-1 with INVENTORY_OVERFLOW and keeps the gold", async () => {
    const c = await richCharacter();
    await db.client.characterInventoryItem.create({ data: { characterId: c.id, itemId: 30011, count: 2147483647 - 1 } });
    await expectDbError(buy(c.id, { itemId: 30011, quantity: 2 }), DB_ERROR_CODES.INVENTORY_OVERFLOW);
    await expect(getGold(db.client, { characterId: c.id })).resolves.toBe(1000n);
    await expect(buy(c.id, { itemId: 30011, quantity: 1 })).resolves.toMatchObject({ result: { count: 2147483647, balance: 980n } });
  });

  it("throws UNKNOWN_GAME_DATA, ITEM_NOT_SOLD and CHARACTER_NOT_FOUND, changing nothing", async () => {
    const c = await richCharacter();
    await expectDbError(buy(c.id, { vendorId: 1 }), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
    await expectDbError(buy(c.id, { itemId: 30001 }), DB_ERROR_CODES.ITEM_NOT_SOLD);
    await expectDbError(buy(UNKNOWN), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expect(getGold(db.client, { characterId: c.id })).resolves.toBe(1000n);
  });

  it.each([
    ["quantity 0", 0],
    ["quantity 1001", 1001],
    ["a fractional quantity", 1.5],
  ])("refuses %s with VENDOR_QUANTITY_INVALID naming the bounds, before changing anything", async (_label, quantity) => {
    const c = await richCharacter();
    const error = await expectDbError(buy(c.id, { quantity }), DB_ERROR_CODES.VENDOR_QUANTITY_INVALID);
    expect(error.details).toEqual({ quantity, min: 1, max: 1000 });
    await expect(getGold(db.client, { characterId: c.id })).resolves.toBe(1000n);
    await expect(listInventory(db.client, { characterId: c.id })).resolves.toEqual([]);
  });

  it("rejects item id 0 with INVALID_INPUT before changing anything", async () => {
    const c = await richCharacter();
    await expectDbError(buy(c.id, { itemId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
    await expect(getGold(db.client, { characterId: c.id })).resolves.toBe(1000n);
    await expect(listInventory(db.client, { characterId: c.id })).resolves.toEqual([]);
  });
});

describe("listInventory and getItemCount", () => {
  it("list held items by id; 0 and empty for items and characters without any", async () => {
    const c = await richCharacter();
    await buy(c.id, { itemId: 30011, quantity: 1 });
    await buy(c.id, { itemId: 30010, quantity: 4 });
    await db.client.characterInventoryItem.create({ data: { characterId: c.id, itemId: 5, count: 0 } });
    await expect(listInventory(db.client, { characterId: c.id })).resolves.toEqual([
      { itemId: 30010, count: 4 },
      { itemId: 30011, count: 1 },
    ]);
    await expect(getItemCount(db.client, { characterId: c.id, itemId: 5 })).resolves.toBe(0);
    await expect(getItemCount(db.client, { characterId: c.id, itemId: 77 })).resolves.toBe(0);
    await expect(getItemCount(db.client, { characterId: UNKNOWN, itemId: 3 })).resolves.toBe(0);
    await expect(listInventory(db.client, { characterId: UNKNOWN })).resolves.toEqual([]);
  });

  it("throw INVALID_INPUT for malformed ids", async () => {
    await expectDbError(listInventory(db.client, { characterId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(getItemCount(db.client, { characterId: 1, itemId: -3 }), DB_ERROR_CODES.INVALID_INPUT);
  });

  it("the database refuses a negative count (CHECK count >= 0)", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(db.client.characterInventoryItem.create({ data: { characterId: id, itemId: 1, count: -1 } })).rejects.toThrow();
  });
});
