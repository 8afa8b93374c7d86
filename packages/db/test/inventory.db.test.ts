import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addGold, buyItem, DB_ERROR_CODES, getGold, getItemCount, listInventory, runTransaction, type BuyItemOptions, type Database } from "../src/index.js";
import { createTestDatabase, makeCharacter } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const MAX_INT64 = 9223372036854775807n;
const UNKNOWN = 2_000_000_000;
const ledger = (characterId: number) => db.client.goldLedgerEntry.findMany({ where: { characterId }, orderBy: { id: "asc" } });

async function richCharacter(gold = 1000n): Promise<number> {
  const { id } = await makeCharacter(db.client);
  await addGold(db.client, { characterId: id, amount: gold, reason: "grant" });
  return id;
}

const buy = (characterId: number, override: Partial<BuyItemOptions> = {}) =>
  buyItem(db.client, { characterId, itemId: 3001, quantity: 2, unitPrice: 95n, reason: "vendor 8001", ...override });

describe("buyItem", () => {
  it("spends quantity x unit price with one ledger row and adds the items", async () => {
    const id = await richCharacter();
    await expect(buy(id)).resolves.toEqual({ balance: 810n, count: 2, spent: 190n });
    await expect(buy(id, { quantity: 3 })).resolves.toEqual({ balance: 525n, count: 5, spent: 285n });
    expect((await ledger(id)).slice(1).map((e) => [e.delta, e.balanceAfter, e.reason])).toEqual([
      [-190n, 810n, "vendor 8001"],
      [-285n, 525n, "vendor 8001"],
    ]);
    await expect(getItemCount(db.client, { characterId: id, itemId: 3001 })).resolves.toBe(5);
  });

  it("spending the whole balance works; one more is INSUFFICIENT_FUNDS and changes nothing", async () => {
    const id = await richCharacter(190n);
    await expect(buy(id)).resolves.toMatchObject({ balance: 0n, count: 2 });
    const error = await expectDbError(buy(id), DB_ERROR_CODES.INSUFFICIENT_FUNDS);
    expect(error.details).toMatchObject({ characterId: id, balance: "0", amount: "190" });
    await expect(getItemCount(db.client, { characterId: id, itemId: 3001 })).resolves.toBe(2);
    expect(await ledger(id)).toHaveLength(2);
  });

  it("a free item changes no gold and writes no ledger row", async () => {
    const id = await richCharacter(10n);
    await expect(buy(id, { unitPrice: 0n, quantity: 1000 })).resolves.toEqual({ balance: 10n, count: 1000, spent: 0n });
    expect(await ledger(id)).toHaveLength(1);
  });

  it("rolls back with a caller's transaction", async () => {
    const id = await richCharacter();
    const failure = runTransaction(db.client, async (tx) => {
      await buyItem(tx, { characterId: id, itemId: 3001, quantity: 1, unitPrice: 100n, reason: "vendor 8001" });
      throw new Error("rollback");
    });
    await expect(failure).rejects.toThrow("rollback");
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(1000n);
    await expect(listInventory(db.client, { characterId: id })).resolves.toEqual([]);
  });

  it("refuses a count past 2^31-1 with INVENTORY_OVERFLOW and keeps the gold", async () => {
    const id = await richCharacter();
    await db.client.characterInventoryItem.create({ data: { characterId: id, itemId: 3001, count: 2147483647 - 1 } });
    await expectDbError(buy(id, { quantity: 2, unitPrice: 1n }), DB_ERROR_CODES.INVENTORY_OVERFLOW);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(1000n);
    await expect(buy(id, { quantity: 1, unitPrice: 1n })).resolves.toMatchObject({ count: 2147483647, balance: 999n });
  });

  it("throws CHARACTER_NOT_FOUND for an unknown character, priced or free", async () => {
    await expectDbError(buy(UNKNOWN), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(buy(UNKNOWN, { unitPrice: 0n }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
  });

  it.each([
    ["quantity 0", { quantity: 0 }, DB_ERROR_CODES.INVALID_INPUT],
    ["quantity 1001", { quantity: 1001 }, DB_ERROR_CODES.INVALID_INPUT],
    ["a fractional quantity", { quantity: 1.5 }, DB_ERROR_CODES.INVALID_INPUT],
    ["item id 0", { itemId: 0 }, DB_ERROR_CODES.INVALID_INPUT],
    ["an empty reason", { reason: "" }, DB_ERROR_CODES.INVALID_INPUT],
    ["a negative unit price", { unitPrice: -1n }, DB_ERROR_CODES.INVALID_AMOUNT],
    ["a unit price that is a number", { unitPrice: 5 }, DB_ERROR_CODES.INVALID_AMOUNT],
    ["a total past 2^63-1", { unitPrice: MAX_INT64 / 2n + 1n }, DB_ERROR_CODES.INVALID_AMOUNT],
  ])("rejects %s before changing anything", async (_label, override, code) => {
    const id = await richCharacter();
    await expectDbError(buy(id, override as never), code);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(1000n);
    await expect(listInventory(db.client, { characterId: id })).resolves.toEqual([]);
  });
});

describe("listInventory and getItemCount", () => {
  it("list held items by id; 0 and empty for items and characters without any", async () => {
    const id = await richCharacter();
    await buy(id, { itemId: 9, quantity: 1, unitPrice: 1n });
    await buy(id, { itemId: 3, quantity: 4, unitPrice: 1n });
    await db.client.characterInventoryItem.create({ data: { characterId: id, itemId: 5, count: 0 } });
    await expect(listInventory(db.client, { characterId: id })).resolves.toEqual([
      { itemId: 3, count: 4 },
      { itemId: 9, count: 1 },
    ]);
    await expect(getItemCount(db.client, { characterId: id, itemId: 5 })).resolves.toBe(0);
    await expect(getItemCount(db.client, { characterId: id, itemId: 77 })).resolves.toBe(0);
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
