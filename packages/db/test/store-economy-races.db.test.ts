// Store economy races (issue 12). They only mean something on PostgreSQL: PGlite runs one query at
// a time. Skipped (visibly) without DATABASE_URL. The ledger audit (with the store's part) passes
// after each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLedger, isDbError, purchaseOffer, setOfferPrice, type ActionOptions, type Database, type DbErrorCode } from "../src/index.js";
import { buyer, makeOffer, storeDatabase } from "./store-support.js";
import { onPostgres, raceSuiteTitle } from "./race-suite.js";

const title = raceSuiteTitle("store economy races");

describe.skipIf(!onPostgres)(title, () => {
  let db: Database;
  let opts: ActionOptions;
  beforeAll(async () => ({ db, opts } = await storeDatabase()));
  afterAll(() => db.close());

  function tally(results: PromiseSettledResult<unknown>[], codes: DbErrorCode[]): number {
    for (const r of results)
      if (r.status === "rejected")
        expect(
          codes.some((code) => isDbError(r.reason, code)),
          String(r.reason),
        ).toBe(true);
    return results.filter((r) => r.status === "fulfilled").length;
  }
  async function audited(): Promise<void> {
    const report = await auditLedger(db.client);
    expect(report.store.failures).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
  }

  it("30 buyers racing for the last 10 units get exactly 10", async () => {
    const offerId = await makeOffer(db, { stock: 10, pricePremium: 100n });
    const buyers = await Promise.all(Array.from({ length: 30 }, () => buyer(db, opts, { premium: 1000n })));
    const results = await Promise.allSettled(
      buyers.map((c) => purchaseOffer(db.client, { ...opts, accountId: c.accountId, characterId: c.id, offerId, currency: "premium", price: 100n })),
    );
    expect(tally(results, ["STORE_OUT_OF_STOCK"])).toBe(10);
    expect(await db.client.storeOffer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({ stock: 0, sold: 10n });
    expect(await db.client.storeTransaction.count({ where: { offerId, status: "committed" } })).toBe(10);
    expect(await db.client.storeTransaction.count({ where: { offerId, status: "failed" } })).toBe(20);
    expect(await db.client.characterInventoryItem.count({ where: { itemId: 30010, characterId: { in: buyers.map((c) => c.id) } } })).toBe(10);
    await audited();
  });

  it("demand pricing under 20 racers charges 20 distinct consecutive prices", async () => {
    // 1000 + 1 % per unit: unit n costs 1000 + 10 n, so 20 units cost 1000, 1010, ..., 1190.
    const offerId = await makeOffer(db, { pricePremium: 1000n, demandRateBp: 100, demandCapPercent: 1000 });
    const buyers = await Promise.all(Array.from({ length: 20 }, () => buyer(db, opts, { premium: 5000n })));
    const results = await Promise.all(
      buyers.map((c) => purchaseOffer(db.client, { ...opts, accountId: c.accountId, characterId: c.id, offerId, currency: "premium" })),
    );
    const paid = results.map((r) => r.result.amountPaid).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(paid).toEqual(Array.from({ length: 20 }, (_, n) => 1000n + 10n * BigInt(n)));
    expect((await db.client.storeOffer.findUniqueOrThrow({ where: { id: offerId } })).sold).toBe(20n);
    await audited();
  });

  it("two admins editing with the same version: one wins, the other is told the current version", async () => {
    const offerId = await makeOffer(db, { pricePremium: 100n });
    const edits = [150n, 175n].map((price, n) =>
      setOfferPrice(db.client, { ...opts, actor: { kind: "admin", name: `admin${n}` }, offerId, currency: "premium", price, expectedVersion: 1 }),
    );
    const results = await Promise.allSettled(edits);
    expect(tally(results, ["STORE_VERSION_CONFLICT"])).toBe(1);
    const loser = results.find((r) => r.status === "rejected")!;
    expect(loser.reason).toMatchObject({ code: "STORE_VERSION_CONFLICT", details: { currentVersion: 2 } });
    const winner = results.findIndex((r) => r.status === "fulfilled");
    const offer = await db.client.storeOffer.findUniqueOrThrow({ where: { id: offerId } });
    expect(offer).toMatchObject({ version: 2, pricePremium: [150n, 175n][winner] });
    expect(await db.client.storeAdminEdit.findMany({ where: { offerId }, select: { actor: true, version: true } })).toEqual([
      { actor: `admin:admin${winner}`, version: 2 },
    ]);
    await audited();
  });
});
