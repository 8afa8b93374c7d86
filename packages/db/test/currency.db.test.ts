import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DB_ERROR_CODES,
  deductCurrency,
  getBalances,
  getGold,
  grantCurrency,
  listLedger,
  MAX_LEDGER_PAGE,
  runTransaction,
  type ActionOptions,
  type Database,
} from "../src/index.js";
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

const ledger = (accountId: number, currency: string) => db.client.currencyLedgerEntry.findMany({ where: { accountId, currency }, orderBy: { id: "asc" } });

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
    await expectDbError(
      deductCurrency(db.client, { ...opts, currency: "premium", accountId: a.id, amount: 101n, reason: "x", source: "store" }),
      DB_ERROR_CODES.INSUFFICIENT_FUNDS,
    );
    await expectDbError(
      deductCurrency(db.client, { ...opts, currency: "bonus", accountId: a.id, amount: 1n, reason: "x", source: "store" }),
      DB_ERROR_CODES.INSUFFICIENT_FUNDS,
    );
    await grantCurrency(db.client, { ...opts, currency: "bonus", accountId: a.id, amount: MAX_INT64, reason: "x", source: "admin" });
    await expectDbError(
      grantCurrency(db.client, { ...opts, currency: "bonus", accountId: a.id, amount: 1n, reason: "x", source: "admin" }),
      DB_ERROR_CODES.BALANCE_OVERFLOW,
    );
    expect((await ledger(a.id, "premium")).map((r) => r.balanceAfter)).toEqual([100n]);
    expect((await ledger(a.id, "bonus")).map((r) => r.balanceAfter)).toEqual([MAX_INT64]);
  });

  it("refuse bad input and unknown owners", async () => {
    const c = await makeCharacter(db.client);
    for (const amount of [0n, -1n, MAX_INT64 + 1n, 5 as unknown as bigint]) {
      await expectDbError(
        grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount, reason: "x", source: "gm" }),
        DB_ERROR_CODES.INVALID_AMOUNT,
      );
    }
    await expectDbError(
      grantCurrency(db.client, { ...opts, currency: "gold", accountId: c.accountId, amount: 1n, reason: "x", source: "gm" }),
      DB_ERROR_CODES.INVALID_INPUT,
    );
    await expectDbError(
      grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 1n, reason: " ", source: "gm" }),
      DB_ERROR_CODES.INVALID_INPUT,
    );
    await expectDbError(
      grantCurrency(db.client, { ...opts, currency: "gold", characterId: 2_000_000_000, amount: 1n, reason: "x", source: "gm" }),
      DB_ERROR_CODES.CHARACTER_NOT_FOUND,
    );
    await expectDbError(
      grantCurrency(db.client, { ...opts, currency: "premium", accountId: 2_000_000_000, amount: 1n, reason: "x", source: "gm" }),
      DB_ERROR_CODES.ACCOUNT_NOT_FOUND,
    );
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
    await expectDbError(
      grantCurrency(db.client, { ...opts, faults, currency: "gold", characterId: c.id, amount: 5n, reason: "x", source: "gm", idempotencyKey: `f-${c.id}` }),
      DB_ERROR_CODES.INTERNAL,
    );
    await expect(getGold(db.client, { characterId: c.id })).resolves.toBe(0n);
    expect(await ledger(c.accountId, "gold")).toHaveLength(0);
    expect(await db.client.gameEvent.count({ where: { accountId: c.accountId } })).toBe(0);
    expect(await db.client.idempotencyKey.count({ where: { key: `f-${c.id}` } })).toBe(0);
  });

  it("replay a deduct with its first result even after the balance moved on", async () => {
    const c = await makeCharacter(db.client);
    await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 100n, reason: "x", source: "gm" });
    const request = { ...opts, currency: "gold", characterId: c.id, amount: 60n, reason: "buy", source: "vendor", idempotencyKey: `d-${c.id}` } as const;
    const first = await deductCurrency(db.client, request);
    // A second deduct of 60 would be refused (40 left); the retry replays instead of failing or paying twice.
    const retry = await deductCurrency(db.client, request);
    expect(retry).toEqual({ result: first.result, events: [], replayed: true });
    await expect(getGold(db.client, { characterId: c.id })).resolves.toBe(40n);
  });

  it("keep a refused request's key for it: the retry can succeed later, another request with the key is refused", async () => {
    const a = await makeAccount(db.client);
    const request = { ...opts, currency: "premium", accountId: a.id, amount: 10n, reason: "store", source: "store", idempotencyKey: `r-${a.id}` } as const;
    await expectDbError(deductCurrency(db.client, request), DB_ERROR_CODES.INSUFFICIENT_FUNDS);
    expect(await db.client.accountCurrency.count({ where: { accountId: a.id } })).toBe(0); // the row made for the change rolled back too
    // The key now names the refused request: a grant, or a deduct of another amount, may not use it.
    await expectDbError(grantCurrency(db.client, { ...request, amount: 777n, reason: "other" }), DB_ERROR_CODES.IDEMPOTENCY_KEY_REUSED);
    await expectDbError(deductCurrency(db.client, { ...request, amount: 5n }), DB_ERROR_CODES.IDEMPOTENCY_KEY_REUSED);
    expect(await db.client.accountCurrency.count({ where: { accountId: a.id } })).toBe(0);
    await grantCurrency(db.client, { ...opts, currency: "premium", accountId: a.id, amount: 10n, reason: "top up", source: "store" });
    const retry = await deductCurrency(db.client, request);
    expect(retry.replayed).toBe(false);
    await expect(deductCurrency(db.client, request)).resolves.toEqual({ result: retry.result, events: [], replayed: true });
    await expect(getBalances(db.client, { accountId: a.id })).resolves.toMatchObject({ premium: 0n });
  });

  it("do not keep the key of a request that was not judged (bad input found inside the action)", async () => {
    const a = await makeAccount(db.client);
    const key = `nj-${a.id}`;
    // Premium belongs to an account: without its id, the action refuses the input (INVALID_INPUT).
    await expectDbError(
      grantCurrency(db.client, { ...opts, currency: "premium", amount: 1n, reason: "x", source: "gm", idempotencyKey: key }),
      DB_ERROR_CODES.INVALID_INPUT,
    );
    expect(await db.client.idempotencyKey.count({ where: { key } })).toBe(0);
  });
});

describe("getBalances", () => {
  it("reads premium and bonus (0 before any change) and a character's gold", async () => {
    const a = await makeAccount(db.client);
    const c = await makeCharacter(db.client, { accountId: a.id });
    await expect(getBalances(db.client, { accountId: a.id })).resolves.toEqual({ accountId: a.id, characterId: null, premium: 0n, bonus: 0n, gold: null });
    await grantCurrency(db.client, { ...opts, currency: "bonus", accountId: a.id, amount: 12n, reason: "x", source: "promo" });
    await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 34n, reason: "x", source: "quest" });
    await expect(getBalances(db.client, { accountId: a.id, characterId: c.id })).resolves.toEqual({
      accountId: a.id,
      characterId: c.id,
      premium: 0n,
      bonus: 12n,
      gold: 34n,
    });
  });

  it("refuses an unknown account and another account's character", async () => {
    const c = await makeCharacter(db.client);
    const other = await makeAccount(db.client);
    await expectDbError(getBalances(db.client, { accountId: 2_000_000_000 }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    await expectDbError(getBalances(db.client, { accountId: other.id, characterId: c.id }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(getBalances(db.client, { accountId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
  });
});

describe("listLedger", () => {
  it("pages an account's entries newest first, by character and currency", async () => {
    const a = await makeAccount(db.client);
    const [c1, c2] = [await makeCharacter(db.client, { accountId: a.id }), await makeCharacter(db.client, { accountId: a.id })];
    await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c1.id, amount: 1n, reason: "one", source: "quest" });
    await grantCurrency(db.client, { ...opts, currency: "premium", accountId: a.id, amount: 2n, reason: "two", source: "store" });
    await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c2.id, amount: 3n, reason: "three", source: "gm", idempotencyKey: `l-${a.id}` });
    await deductCurrency(db.client, { ...opts, currency: "gold", characterId: c1.id, amount: 1n, reason: "four", source: "vendor" });
    expect((await listLedger(db.client, { accountId: a.id })).map((e) => e.reason)).toEqual(["four", "three", "two", "one"]);
    expect((await listLedger(db.client, { accountId: a.id, limit: 2, offset: 1 })).map((e) => e.reason)).toEqual(["three", "two"]);
    expect((await listLedger(db.client, { accountId: a.id, characterId: c1.id })).map((e) => [e.reason, e.delta, e.balanceBefore, e.balanceAfter])).toEqual([
      ["four", -1n, 1n, 0n],
      ["one", 1n, 0n, 1n],
    ]);
    expect(await listLedger(db.client, { accountId: a.id, currency: "premium" })).toEqual([
      expect.objectContaining({ reason: "two", currency: "premium", characterId: null, source: "store", actor: "admin:test", idempotencyKey: null }),
    ]);
    expect((await listLedger(db.client, { accountId: a.id, currency: "gold", characterId: c2.id }))[0]).toMatchObject({ idempotencyKey: `l-${a.id}` });
    expect(await listLedger(db.client, { accountId: 2_000_000_000 })).toEqual([]);
  });

  it("bounds the page size", async () => {
    const a = await makeAccount(db.client);
    for (const limit of [0, MAX_LEDGER_PAGE + 1, 1.5]) await expectDbError(listLedger(db.client, { accountId: a.id, limit }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(listLedger(db.client, { accountId: a.id, offset: -1 }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(listLedger(db.client, { accountId: a.id, currency: "copper" as "gold" }), DB_ERROR_CODES.INVALID_INPUT);
  });
});
