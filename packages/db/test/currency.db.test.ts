import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addGold, DB_ERROR_CODES, getGold, runTransaction, spendGold, type Database } from "../src/index.js";
import { createTestDatabase, makeCharacter } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

const MAX_INT64 = 9223372036854775807n;

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const ledger = (characterId: number) =>
  db.client.goldLedgerEntry.findMany({ where: { characterId }, orderBy: { id: "asc" } });

describe("addGold and spendGold", () => {
  it("change the balance and write one ledger row each", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(addGold(db.client, { characterId: id, amount: 500n, reason: "quest:5001" })).resolves.toMatchObject({ balance: 500n, replayed: false });
    await expect(spendGold(db.client, { characterId: id, amount: 200n, reason: "vendor:8001" })).resolves.toMatchObject({ balance: 300n });
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(300n);
    expect((await ledger(id)).map((e) => [e.delta, e.balanceAfter, e.reason])).toEqual([
      [500n, 500n, "quest:5001"],
      [-200n, 300n, "vendor:8001"],
    ]);
  });

  it("spending exactly the balance reaches zero; one more is INSUFFICIENT_FUNDS and changes nothing", async () => {
    const { id } = await makeCharacter(db.client);
    await addGold(db.client, { characterId: id, amount: 10n, reason: "grant" });
    await expect(spendGold(db.client, { characterId: id, amount: 10n, reason: "buy" })).resolves.toMatchObject({ balance: 0n });
    const error = await expectDbError(spendGold(db.client, { characterId: id, amount: 1n, reason: "buy" }), DB_ERROR_CODES.INSUFFICIENT_FUNDS);
    expect(error.details).toMatchObject({ characterId: id, balance: "0", amount: "1" });
    expect(await ledger(id)).toHaveLength(2);
  });

  it("handles the full 64-bit range and refuses overflow with BALANCE_OVERFLOW instead of capping", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(addGold(db.client, { characterId: id, amount: MAX_INT64 - 1n, reason: "grant" })).resolves.toMatchObject({ balance: MAX_INT64 - 1n });
    await expect(addGold(db.client, { characterId: id, amount: 1n, reason: "grant" })).resolves.toMatchObject({ balance: MAX_INT64 });
    await expectDbError(addGold(db.client, { characterId: id, amount: 1n, reason: "grant" }), DB_ERROR_CODES.BALANCE_OVERFLOW);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(MAX_INT64);
    await expect(spendGold(db.client, { characterId: id, amount: MAX_INT64, reason: "sink" })).resolves.toMatchObject({ balance: 0n });
  });

  it.each([
    ["zero", 0n],
    ["a negative amount", -5n],
    ["more than 2^63-1", MAX_INT64 + 1n],
    ["a number instead of a bigint", 5],
  ])("rejects %s with INVALID_AMOUNT", async (_label, amount) => {
    const { id } = await makeCharacter(db.client);
    await expectDbError(addGold(db.client, { characterId: id, amount: amount as bigint, reason: "x" }), DB_ERROR_CODES.INVALID_AMOUNT);
    await expectDbError(spendGold(db.client, { characterId: id, amount: amount as bigint, reason: "x" }), DB_ERROR_CODES.INVALID_AMOUNT);
  });

  it("rejects a missing or over-long reason with INVALID_INPUT, unknown characters with CHARACTER_NOT_FOUND", async () => {
    const { id } = await makeCharacter(db.client);
    await expectDbError(addGold(db.client, { characterId: id, amount: 1n, reason: " " }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(addGold(db.client, { characterId: id, amount: 1n, reason: "r".repeat(65) }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(addGold(db.client, { characterId: 2_000_000_000, amount: 1n, reason: "x" }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(spendGold(db.client, { characterId: 2_000_000_000, amount: 1n, reason: "x" }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(getGold(db.client, { characterId: 2_000_000_000 }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
  });

  it("applies a change with an idempotency key once; a retry returns the first result", async () => {
    const { id } = await makeCharacter(db.client);
    const first = await addGold(db.client, { characterId: id, amount: 70n, reason: "mail", idempotencyKey: "mail-42" });
    const retry = await addGold(db.client, { characterId: id, amount: 70n, reason: "mail", idempotencyKey: "mail-42" });
    expect(retry).toEqual({ ...first, replayed: true });
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(70n);
    expect(await ledger(id)).toHaveLength(1);
  });

  it("works inside a caller's transaction and rolls back with it", async () => {
    const { id } = await makeCharacter(db.client);
    await addGold(db.client, { characterId: id, amount: 100n, reason: "grant" });
    const failure = runTransaction(db.client, async (tx) => {
      await spendGold(tx, { characterId: id, amount: 60n, reason: "buy" });
      await spendGold(tx, { characterId: id, amount: 60n, reason: "buy" }); // INSUFFICIENT_FUNDS
    });
    await expectDbError(failure, DB_ERROR_CODES.INSUFFICIENT_FUNDS);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(100n);
    expect(await ledger(id)).toHaveLength(1);
  });

  it("the database refuses a negative balance even when code is bypassed (CHECK gold >= 0)", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(db.client.character.update({ where: { id }, data: { gold: -1n } })).rejects.toThrow();
  });
});
