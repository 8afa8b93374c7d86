import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_ERROR_CODES, deductCurrency, getGold, grantCurrency, runTransaction, type ActionOptions, type Database } from "../src/index.js";
import { createTestDatabase, makeAccount, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

const MAX_INT64 = 9223372036854775807n;

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

const ledger = (accountId: number, currency: string) =>
  db.client.currencyLedgerEntry.findMany({ where: { accountId, currency }, orderBy: { id: "asc" } });

describe("grantCurrency and deductCurrency", () => {
  it("change gold with one ledger row each, balance before and after, and an event", async () => {
    const c = await makeCharacter(db.client);
    const granted = await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 500n, reason: "quest 5001", source: "quest" });
    expect(granted.result).toMatchObject({ balanceBefore: 0n, balanceAfter: 500n, delta: 500n, characterId: c.id, accountId: c.accountId });
    expect(granted.events).toEqual([expect.objectContaining({ kind: "currency.changed", currency: "gold", delta: 500n, balanceAfter: 500n })]);
    await deductCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 200n, reason: "vendor 8001", source: "vendor" });
    await expect(getGold(db.client, { characterId: c.id })).resolves.toBe(300n);
    const rows = await ledger(c.accountId, "gold");
    expect(rows.map((r) => [r.delta, r.balanceBefore, r.balanceAfter, r.source, r.actor])).toEqual([
      [500n, 0n, 500n, "quest", "admin:test"],
      [-200n, 500n, 300n, "vendor", "admin:test"],
    ]);
    const events = await db.client.gameEvent.findMany({ where: { accountId: c.accountId } });
    expect(events.map((e) => e.kind)).toEqual(["currency.changed", "currency.changed"]);
  });

  it("change premium and bonus per account, never below zero or past 2^63-1", async () => {
    const a = await makeAccount(db.client);
    await grantCurrency(db.client, { ...opts, currency: "premium", accountId: a.id, amount: 100n, reason: "purchase", source: "admin" });
    await expectDbError(deductCurrency(db.client, { ...opts, currency: "premium", accountId: a.id, amount: 101n, reason: "x", source: "store" }), DB_ERROR_CODES.INSUFFICIENT_FUNDS);
    await expectDbError(deductCurrency(db.client, { ...opts, currency: "bonus", accountId: a.id, amount: 1n, reason: "x", source: "store" }), DB_ERROR_CODES.INSUFFICIENT_FUNDS);
    await grantCurrency(db.client, { ...opts, currency: "bonus", accountId: a.id, amount: MAX_INT64, reason: "x", source: "admin" });
    await expectDbError(grantCurrency(db.client, { ...opts, currency: "bonus", accountId: a.id, amount: 1n, reason: "x", source: "admin" }), DB_ERROR_CODES.BALANCE_OVERFLOW);
    expect((await ledger(a.id, "premium")).map((r) => r.balanceAfter)).toEqual([100n]);
    expect((await ledger(a.id, "bonus")).map((r) => r.balanceAfter)).toEqual([MAX_INT64]);
  });

  it("refuse bad input and unknown owners", async () => {
    const c = await makeCharacter(db.client);
    for (const amount of [0n, -1n, MAX_INT64 + 1n, 5 as unknown as bigint]) {
      await expectDbError(grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount, reason: "x", source: "gm" }), DB_ERROR_CODES.INVALID_AMOUNT);
    }
    await expectDbError(grantCurrency(db.client, { ...opts, currency: "gold", accountId: c.accountId, amount: 1n, reason: "x", source: "gm" }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 1n, reason: " ", source: "gm" }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(grantCurrency(db.client, { ...opts, currency: "gold", characterId: 2_000_000_000, amount: 1n, reason: "x", source: "gm" }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(grantCurrency(db.client, { ...opts, currency: "premium", accountId: 2_000_000_000, amount: 1n, reason: "x", source: "gm" }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
  });

  it("replay the same request with the same key, and refuse the key for another request", async () => {
    const c = await makeCharacter(db.client);
    const request = { ...opts, currency: "gold", characterId: c.id, amount: 70n, reason: "mail", source: "mail", idempotencyKey: `k-${c.id}` } as const;
    const first = await grantCurrency(db.client, request);
    const retry = await grantCurrency(db.client, request);
    expect(retry).toEqual({ result: first.result, events: [], replayed: true });
    await expectDbError(grantCurrency(db.client, { ...request, amount: 500n }), DB_ERROR_CODES.IDEMPOTENCY_KEY_REUSED);
    await expectDbError(deductCurrency(db.client, { ...request, amount: 10n }), DB_ERROR_CODES.IDEMPOTENCY_KEY_REUSED);
    await expect(getGold(db.client, { characterId: c.id })).resolves.toBe(70n);
    expect(await ledger(c.accountId, "gold")).toHaveLength(1);
  });

  it("roll back with the caller's transaction, events included", async () => {
    const c = await makeCharacter(db.client);
    await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 100n, reason: "x", source: "gm" });
    const spend = (tx: Parameters<Parameters<typeof runTransaction>[1]>[0]) =>
      deductCurrency(tx, { ...opts, currency: "gold", characterId: c.id, amount: 60n, reason: "buy", source: "vendor" });
    await expectDbError(
      runTransaction(db.client, async (tx) => {
        await spend(tx);
        await spend(tx);
      }),
      DB_ERROR_CODES.INSUFFICIENT_FUNDS,
    );
    await expect(getGold(db.client, { characterId: c.id })).resolves.toBe(100n);
    expect(await db.client.gameEvent.count({ where: { accountId: c.accountId } })).toBe(1);
  });

  it("leave nothing changed when a fault is injected before the events are written", async () => {
    const c = await makeCharacter(db.client);
    const faults = (step: string) => {
      if (step === "events") throw new Error("injected");
    };
    await expectDbError(grantCurrency(db.client, { ...opts, faults, currency: "gold", characterId: c.id, amount: 5n, reason: "x", source: "gm", idempotencyKey: `f-${c.id}` }), DB_ERROR_CODES.INTERNAL);
    await expect(getGold(db.client, { characterId: c.id })).resolves.toBe(0n);
    expect(await ledger(c.accountId, "gold")).toHaveLength(0);
    expect(await db.client.gameEvent.count({ where: { accountId: c.accountId } })).toBe(0);
    expect(await db.client.idempotencyKey.count({ where: { key: `f-${c.id}` } })).toBe(0);
  });
});
