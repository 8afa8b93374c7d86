// Race tests. They only mean something on PostgreSQL: PGlite runs one query at a time, so on it
// these would pass even with a broken read-modify-write. Skipped (visibly) without DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLedger,
  DB_ERROR_CODES,
  deductCurrency,
  getBalances,
  getGold,
  grantCurrency,
  isDbError,
  type ActionOptions,
  type CurrencyChangeInput,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeAccount, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { onPostgres, raceSuiteTitle } from "./race-suite.js";

const title = raceSuiteTitle("concurrent currency changes");

const ascending = (values: bigint[]) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe.skipIf(!onPostgres)(title, () => {
  let db: Database;
  let opts: ActionOptions;
  beforeAll(async () => {
    db = await createTestDatabase();
    opts = await testActionOptions();
  });
  afterAll(() => db.close());

  const ledger = (where: { accountId?: number; characterId?: number; currency: string }) =>
    db.client.currencyLedgerEntry.findMany({ where, orderBy: { id: "asc" } });

  it("50 parallel gold deducts never overdraw; the final balance and the ledger are exact", async () => {
    const { id } = await makeCharacter(db.client);
    await grantCurrency(db.client, { ...opts, currency: "gold", characterId: id, amount: 1000n, reason: "grant", source: "admin" });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        deductCurrency(db.client, { ...opts, currency: "gold", characterId: id, amount: 30n, reason: "race", source: "vendor" }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(33); // floor(1000 / 30)
    for (const r of lost) expect(isDbError(r.reason, DB_ERROR_CODES.INSUFFICIENT_FUNDS), String(r.reason)).toBe(true);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(10n);
    const spends = await ledger({ characterId: id, currency: "gold" });
    expect(spends).toHaveLength(34);
    // Each entry starts where the previous one ended: the deducts were serialised.
    for (let i = 1; i < spends.length; i++) expect(spends[i]!.balanceBefore).toBe(spends[i - 1]!.balanceAfter);
    expect(ascending(spends.slice(1).map((e) => e.balanceAfter))).toEqual(Array.from({ length: 33 }, (_, i) => 10n + BigInt(i) * 30n));
    expect(await db.client.gameEvent.count({ where: { characterId: id, kind: "currency.changed" } })).toBe(34);
  });

  it("50 parallel gold grants sum exactly", async () => {
    const { id } = await makeCharacter(db.client);
    const amounts = Array.from({ length: 50 }, (_, i) => BigInt(i + 1) * 1_000_000_007n);
    await Promise.all(amounts.map((amount) => grantCurrency(db.client, { ...opts, currency: "gold", characterId: id, amount, reason: "race", source: "gm" })));
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(amounts.reduce((a, b) => a + b, 0n));
    expect(await ledger({ characterId: id, currency: "gold" })).toHaveLength(50);
  });

  it("20 parallel first grants of premium to a fresh account all apply (the racers also create its balance row)", async () => {
    const { id } = await makeAccount(db.client);
    const grants = Array.from({ length: 20 }, () =>
      grantCurrency(db.client, { ...opts, currency: "premium", accountId: id, amount: 3n, reason: "race", source: "gm" }),
    );
    const settled = await Promise.allSettled(grants);
    expect(settled.filter((r) => r.status === "rejected").map((r) => String(r.reason))).toEqual([]);
    await expect(getBalances(db.client, { accountId: id })).resolves.toMatchObject({ premium: 60n });
    expect(await ledger({ accountId: id, currency: "premium" })).toHaveLength(20);
  });

  for (const currency of ["gold", "premium", "bonus"] as const) {
    describe(`${currency}: ten racers with one idempotency key`, () => {
      // Premium and bonus rows are created by the first change: these racers race that too.
      const owner = async (): Promise<{
        accountId: number;
        characterId?: number;
        where: { characterId: number; currency: string } | { accountId: number; currency: string };
      }> => {
        if (currency === "gold") {
          const c = await makeCharacter(db.client);
          return { accountId: c.accountId, characterId: c.id, where: { characterId: c.id, currency } };
        }
        const a = await makeAccount(db.client);
        return { accountId: a.id, where: { accountId: a.id, currency } };
      };
      const request = (o: { accountId: number; characterId?: number }, amount: bigint, key: string): ActionOptions & CurrencyChangeInput => ({
        ...opts,
        currency,
        ...(currency === "gold" ? { characterId: o.characterId } : { accountId: o.accountId }),
        amount,
        reason: "racing retry",
        source: "store",
        idempotencyKey: key,
      });
      const balance = async (o: { accountId: number; characterId?: number }) =>
        (await getBalances(db.client, { accountId: o.accountId, ...(o.characterId === undefined ? {} : { characterId: o.characterId }) }))[currency];

      it("give one change; all ten return the same result, nine marked replayed", async () => {
        const o = await owner();
        const key = `race-same-${currency}-${o.accountId}`;
        const results = await Promise.all(Array.from({ length: 10 }, () => grantCurrency(db.client, request(o, 25n, key))));
        expect(results.filter((r) => r.replayed)).toHaveLength(9);
        for (const r of results) expect(r.result).toEqual(results[0]!.result);
        expect(results.flatMap((r) => r.events)).toHaveLength(1);
        expect(await balance(o)).toBe(25n);
        expect(await ledger(o.where)).toEqual([expect.objectContaining({ delta: 25n, balanceBefore: 0n, balanceAfter: 25n, idempotencyKey: key })]);
      });

      it("with different amounts give one change; the rest are IDEMPOTENCY_KEY_REUSED", async () => {
        const o = await owner();
        const key = `race-diff-${currency}-${o.accountId}`;
        const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => grantCurrency(db.client, request(o, BigInt(i + 1), key))));
        const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
        expect(won).toHaveLength(1);
        expect(won[0]!.replayed).toBe(false);
        for (const r of results) if (r.status === "rejected") expect(isDbError(r.reason, DB_ERROR_CODES.IDEMPOTENCY_KEY_REUSED), String(r.reason)).toBe(true);
        expect(await balance(o)).toBe(won[0]!.result.delta);
        expect(await ledger(o.where)).toHaveLength(1);
      });

      it("deducts racing on a fresh balance never overdraw", async () => {
        const o = await owner();
        // Half grant, half deduct, all at once, on an owner with no balance yet.
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 === 0 ? grantCurrency : deductCurrency)(db.client, { ...request(o, 10n, `x-${currency}-${o.accountId}-${i}`) }),
          ),
        );
        for (const r of results) if (r.status === "rejected") expect(isDbError(r.reason, DB_ERROR_CODES.INSUFFICIENT_FUNDS), String(r.reason)).toBe(true);
        const deducted = results.filter((r, i) => r.status === "fulfilled" && i % 2 === 1).length;
        expect(await balance(o)).toBe(100n - BigInt(deducted) * 10n);
        const rows = await ledger(o.where);
        expect(rows).toHaveLength(10 + deducted);
        for (let i = 1; i < rows.length; i++) expect(rows[i]!.balanceBefore).toBe(rows[i - 1]!.balanceAfter);
      });
    });
  }

  it("ten racing retries of a refused deduct, after a top-up, charge once; the others replay that result", async () => {
    const { id } = await makeAccount(db.client);
    const request = { ...opts, currency: "premium", accountId: id, amount: 40n, reason: "retry", source: "store", idempotencyKey: `refused-${id}` } as const;
    await expect(deductCurrency(db.client, request)).rejects.toSatisfy((e) => isDbError(e, DB_ERROR_CODES.INSUFFICIENT_FUNDS));
    await grantCurrency(db.client, { ...opts, currency: "premium", accountId: id, amount: 100n, reason: "top up", source: "gm" });
    const results = await Promise.all(Array.from({ length: 10 }, () => deductCurrency(db.client, request)));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    for (const r of results) expect(r.result).toEqual(results[0]!.result);
    await expect(getBalances(db.client, { accountId: id })).resolves.toMatchObject({ premium: 60n });
    expect(await ledger({ accountId: id, currency: "premium" })).toHaveLength(2);
  });

  it("the audit holds after all of the races", async () => {
    const report = await auditLedger(db.client);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
