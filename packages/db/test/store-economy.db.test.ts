// The store economy (issue 12) on one connection (PGlite or PostgreSQL): stock, purchase limits,
// quantity and demand pricing charged as previewed, VIP discounts and one-time rewards, exchange
// rates, admin edits with versions, the transaction record and the audit. The seed's cases are
// named as such. Races are in store-economy-races.db.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLedger,
  getBalances,
  getCatalogPage,
  getItemCount,
  getLedger,
  getTransaction,
  getVipStatus,
  grantCurrency,
  previewOffer,
  purchaseOffer,
  restockOffer,
  setExchangeRate,
  setOfferPrice,
  setVipTier,
  type ActionOptions,
  type Character,
  type Database,
} from "../src/index.js";
import { expectDbError } from "./expect-db-error.js";
import { buyer, makeOffer, storeDatabase } from "./store-support.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => ({ db, opts } = await storeDatabase()));
afterAll(() => db.close());

const buy = (
  c: Character,
  offerId: number,
  more: { quantity?: number; currency?: "premium" | "bonus" | "gold"; price?: bigint; key?: string; now?: Date } = {},
) =>
  purchaseOffer(db.client, {
    ...opts,
    ...(more.now ? { now: more.now } : {}),
    ...(more.key ? { idempotencyKey: more.key } : {}),
    accountId: c.accountId,
    characterId: c.id,
    offerId,
    currency: more.currency ?? "premium",
    quantity: more.quantity ?? 1,
    ...(more.price === undefined ? {} : { price: more.price }),
  });
const offerRow = (id: number) => db.client.storeOffer.findUniqueOrThrow({ where: { id } });
async function audited(): Promise<void> {
  const report = await auditLedger(db.client);
  expect(report.store.failures).toEqual([]);
  expect(report.failures).toEqual([]);
  expect(report.ok).toBe(true);
}

describe("stock and limits", () => {
  it("takes units from the stock and never oversells (the seed's stock limits)", async () => {
    const offerId = await makeOffer(db, { stock: 3 });
    const c = await buyer(db, opts, { premium: 10_000n });
    await buy(c, offerId, { quantity: 2 });
    expect(await offerRow(offerId)).toMatchObject({ stock: 1, sold: 2n });
    const refused = await expectDbError(buy(c, offerId, { quantity: 2 }), "STORE_OUT_OF_STOCK");
    expect(refused.details).toMatchObject({ stock: 1, quantity: 2 });
    await buy(c, offerId);
    await expectDbError(buy(c, offerId), "STORE_OUT_OF_STOCK");
    expect(await offerRow(offerId)).toMatchObject({ stock: 0, sold: 3n });
    expect((await getBalances(db.client, { accountId: c.accountId })).premium).toBe(10_000n - 300n);
    await audited();
  });

  it("allows a daily item once per UTC day, a weekly one per ISO week, a lifetime one ever (the seed's lucky charm)", async () => {
    const daily = await makeOffer(db, { limitPeriod: "daily", limitCount: 1 });
    const c = await buyer(db, opts, { premium: 10_000n });
    const day = new Date("2026-12-02T23:59:00Z");
    await buy(c, daily, { now: day });
    const refused = await expectDbError(buy(c, daily, { now: new Date("2026-12-02T23:59:59Z") }), "STORE_PURCHASE_LIMIT");
    expect(refused.details).toMatchObject({ period: "daily", limit: 1, bought: 1 });
    await buy(c, daily, { now: new Date("2026-12-03T00:00:00Z") });
    const other = await buyer(db, opts, { premium: 1000n });
    await buy(other, daily, { now: day }); // per account

    const weekly = await makeOffer(db, { limitPeriod: "weekly", limitCount: 2 });
    await buy(c, weekly, { now: new Date("2026-11-30T00:00:00Z"), quantity: 2 }); // Monday
    await expectDbError(buy(c, weekly, { now: new Date("2026-12-06T23:59:59Z") }), "STORE_PURCHASE_LIMIT"); // Sunday
    await buy(c, weekly, { now: new Date("2026-12-07T00:00:00Z") });

    const lifetime = await makeOffer(db, { limitPeriod: "lifetime", limitCount: 1 });
    await buy(c, lifetime, { now: day });
    await expectDbError(buy(c, lifetime, { now: new Date("2030-01-01T00:00:00Z") }), "STORE_PURCHASE_LIMIT");
    await audited();
  });

  it("refuses more units than the offer sells at once", async () => {
    const offerId = await makeOffer(db, { maxQuantity: 5 });
    const c = await buyer(db, opts, { premium: 10_000n });
    await expectDbError(buy(c, offerId, { quantity: 6 }), "STORE_QUANTITY_NOT_ALLOWED");
    expect((await buy(c, offerId, { quantity: 5 })).result).toMatchObject({ quantity: 5, amountPaid: 500n });
    expect(await getItemCount(db.client, { characterId: c.id, itemId: 30010 })).toBe(5);
  });
});

describe("pricing as charged", () => {
  it("charges each unit its place in the demand sequence, as previewed, and the next buyer pays on from there", async () => {
    const offerId = await makeOffer(db, { pricePremium: 1000n, demandRateBp: 100, demandCapPercent: 110 });
    const c = await buyer(db, opts, { premium: 100_000n });
    const preview = await previewOffer(db.client, { data: opts.rules.data, accountId: c.accountId, offerId, currency: "premium", quantity: 3, now: opts.now! });
    expect(preview.units.map((u) => u.price)).toEqual([1000n, 1010n, 1020n]);
    expect(preview.finalPrice).toBe(3030n);
    const { result } = await buy(c, offerId, { quantity: 3, price: preview.finalPrice });
    expect(result).toMatchObject({ amountPaid: 3030n, quantity: 3 });
    await expectDbError(buy(c, offerId, { price: 1000n }), "STORE_PRICE_CHANGED"); // a stale price
    // A quantity the purchase would refuse is refused by the preview too, not quoted.
    const { maxQuantity } = preview;
    await expectDbError(
      previewOffer(db.client, { data: opts.rules.data, accountId: c.accountId, offerId, currency: "premium", quantity: maxQuantity + 1, now: opts.now! }),
      "STORE_QUANTITY_NOT_ALLOWED",
    );
    const next = await buy(c, offerId, { quantity: 10 });
    expect(next.result.amountPaid).toBe(1030n + 1040n + 1050n + 1060n + 1070n + 1080n + 1090n + 1100n + 1100n + 1100n); // capped at 110 %
    await audited();
  });

  it("sells an offer in another currency at the admin's rate, and a rate edit names its version", async () => {
    const offerId = await makeOffer(db, { pricePremium: 50n });
    const c = await buyer(db, opts, { premium: 0n, gold: 1_000_000n });
    await expectDbError(buy(c, offerId, { currency: "gold" }), "STORE_CURRENCY_NOT_ACCEPTED");
    const rate = await setExchangeRate(db.client, { ...opts, from: "premium", to: "gold", numerator: 1000n, denominator: 3n, expectedVersion: 0 });
    expect(rate.result).toMatchObject({ version: 1 });
    await expectDbError(
      setExchangeRate(db.client, { ...opts, from: "premium", to: "gold", numerator: 1n, denominator: 1n, expectedVersion: 0 }),
      "STORE_VERSION_CONFLICT",
    );
    const preview = await previewOffer(db.client, { data: opts.rules.data, accountId: c.accountId, offerId, currency: "gold", now: opts.now! });
    expect(preview).toMatchObject({
      sourceCurrency: "premium",
      basePrice: 50n,
      exchange: { numerator: 1000n, denominator: 3n, version: 1 },
      finalPrice: 16_667n,
    });
    const { result } = await buy(c, offerId, { currency: "gold", price: 16_667n });
    expect(result.balanceAfter).toBe(1_000_000n - 16_667n);
    await setExchangeRate(db.client, { ...opts, from: "premium", to: "gold", numerator: 500n, denominator: 1n, expectedVersion: 1 });
    expect((await buy(c, offerId, { currency: "gold" })).result.amountPaid).toBe(25_000n);
    expect(await db.client.storeAdminEdit.count({ where: { subject: "rate", rateKey: "premium->gold" } })).toBe(2);
    await db.client.storeExchangeRate.deleteMany({});
    await audited();
  });
});

describe("VIP", () => {
  it("takes the tier's discount off the charge and pays each tier's rewards once, ever (the seed's VIP discount)", async () => {
    const big = await makeOffer(db, { pricePremium: 5000n, maxQuantity: 20 });
    const c = await buyer(db, opts, { premium: 100_000n });
    expect((await buy(c, big)).result).toMatchObject({ amountPaid: 5000n, vipTier: 1, vipRewardsPaid: [1] }); // Bronze at 5000 spent
    expect((await getBalances(db.client, { accountId: c.accountId })).bonus).toBe(100n);
    // Bronze: 2 % off everything; Supplies (8) has no Bronze rate.
    const preview = await previewOffer(db.client, { data: opts.rules.data, accountId: c.accountId, offerId: big, currency: "premium", now: opts.now! });
    expect(preview).toMatchObject({ vip: { tier: 1, name: "Bronze", percent: 2 }, finalPrice: 4900n });
    expect((await buy(c, big, { price: 4900n })).result.amountPaid).toBe(4900n);

    // An admin sets Gold (3): Silver's and Gold's rewards are paid; taking it away and setting it again pays nothing.
    const set = await setVipTier(db.client, { ...opts, accountId: c.accountId, tier: 3 });
    expect(set.result.rewardsPaid).toEqual([2, 3]);
    expect((await buy(c, big)).result.amountPaid).toBe(4750n); // Gold: 5 % on Supplies
    await setVipTier(db.client, { ...opts, accountId: c.accountId, tier: 0 });
    expect((await buy(c, big)).result.amountPaid).toBe(5000n);
    expect((await setVipTier(db.client, { ...opts, accountId: c.accountId, tier: 3 })).result.rewardsPaid).toEqual([]);
    await setVipTier(db.client, { ...opts, accountId: c.accountId, tier: null });
    expect(await getVipStatus(db.client, { data: opts.rules.data, accountId: c.accountId })).toMatchObject({
      lifetimePremiumSpend: 5000n + 4900n + 4750n + 5000n,
      override: null,
      tier: { id: 1 },
    });
    expect((await getBalances(db.client, { accountId: c.accountId })).bonus).toBe(100n + 500n + 1000n);
    await expectDbError(setVipTier(db.client, { ...opts, accountId: c.accountId, tier: 42 }), "INVALID_INPUT");
    await audited();
  });
});

describe("admin edits", () => {
  it("restocks and sets a price at the version seen, refuses a stale version with the current one, and logs who and when (the seed's restock, set price, optimistic conflict)", async () => {
    const offerId = await makeOffer(db, { stock: 1 });
    const restocked = await restockOffer(db.client, { ...opts, offerId, amount: 10, expectedVersion: 1 });
    expect(restocked.result).toMatchObject({ stock: 11, version: 2, origin: "operator" });
    const conflict = await expectDbError(
      setOfferPrice(db.client, { ...opts, offerId, currency: "premium", price: 80n, expectedVersion: 1 }),
      "STORE_VERSION_CONFLICT",
    );
    expect(conflict.details).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
    expect(await offerRow(offerId)).toMatchObject({ pricePremium: 100n, version: 2 });
    expect((await setOfferPrice(db.client, { ...opts, offerId, currency: "premium", price: 80n, expectedVersion: 2 })).result).toMatchObject({
      prices: { premium: 80n },
      version: 3,
    });
    await expectDbError(setOfferPrice(db.client, { ...opts, offerId, currency: "premium", price: null, expectedVersion: 3 }), "STORE_CATALOG_INVALID");
    // Prices travel to the client as 32-bit floats: one past 2^24 is refused, 2^24 itself is not.
    await expectDbError(setOfferPrice(db.client, { ...opts, offerId, currency: "gold", price: 16_777_217n, expectedVersion: 3 }), "INVALID_INPUT");
    expect(await offerRow(offerId)).toMatchObject({ priceGold: null, version: 3 });
    // 0 is never a price (a free offer is a promo reward or a 100 % promotion): refused, nothing changes.
    const zero = await expectDbError(setOfferPrice(db.client, { ...opts, offerId, currency: "premium", price: 0n, expectedVersion: 3 }), "INVALID_INPUT");
    expect(zero.message).toContain("never sold for 0");
    expect(await offerRow(offerId)).toMatchObject({ pricePremium: 80n, version: 3 });
    const unlimited = await makeOffer(db);
    await expectDbError(restockOffer(db.client, { ...opts, offerId: unlimited, amount: 1, expectedVersion: 1 }), "STORE_CATALOG_INVALID");
    const log = await db.client.storeAdminEdit.findMany({ where: { offerId }, orderBy: { id: "asc" } });
    expect(log.map((e) => [e.field, e.version, e.actor, e.createdAt.toISOString()])).toEqual([
      ["stock", 2, "admin:test", opts.now!.toISOString()],
      ["price.premium", 3, "admin:test", opts.now!.toISOString()],
    ]);
    const c = await buyer(db, opts, { premium: 1000n });
    expect((await buy(c, offerId)).result.amountPaid).toBe(80n);
  });
});

describe("the transaction record", () => {
  it("records a committed purchase with its breakdown and the ledger entry's balances (the seed's online purchase)", async () => {
    const offerId = await makeOffer(db, { pricePremium: 70n });
    const c = await buyer(db, opts, { premium: 1000n });
    const { result } = await buy(c, offerId, { quantity: 2, key: `tx-${c.id}` });
    expect(result).toMatchObject({ transactionId: `tx-${c.id}`, balanceBefore: 1000n, balanceAfter: 860n });
    const tx = await getTransaction(db.client, { id: `tx-${c.id}` });
    expect(tx).toMatchObject({
      accountId: c.accountId,
      characterId: c.id,
      offerId,
      quantity: 2,
      currency: "premium",
      amount: 140n,
      status: "committed",
      reason: null,
    });
    expect(tx.breakdown).toMatchObject({
      basePrice: 70n,
      finalPrice: 140n,
      units: [
        { place: 0n, price: 70n },
        { place: 1n, price: 70n },
      ],
    });
    const entry = await db.client.currencyLedgerEntry.findUniqueOrThrow({ where: { id: tx.ledgerEntryId! } });
    expect(entry).toMatchObject({ delta: -140n, balanceBefore: 1000n, balanceAfter: 860n });
    // A retry with the key replays; no second transaction.
    expect((await buy(c, offerId, { quantity: 2, key: `tx-${c.id}` })).replayed).toBe(true);
    expect(await db.client.storeTransaction.count({ where: { accountId: c.accountId } })).toBe(1);
    const anonymous = await buy(c, offerId);
    expect(anonymous.result.transactionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("records a refused purchase as failed with the reason and changes nothing else (the seed's insufficient funds)", async () => {
    const offerId = await makeOffer(db, { pricePremium: 500n, stock: 5 });
    const c = await buyer(db, opts, { premium: 100n });
    await expectDbError(buy(c, offerId, { key: `poor-${c.id}` }), "INSUFFICIENT_FUNDS");
    expect(await getTransaction(db.client, { id: `poor-${c.id}` })).toMatchObject({ status: "failed", amount: 0n, ledgerEntryId: null });
    expect((await getTransaction(db.client, { id: `poor-${c.id}` })).reason).toMatch(/^INSUFFICIENT_FUNDS: /);
    expect(await offerRow(offerId)).toMatchObject({ stock: 5, sold: 0n });
    expect((await getBalances(db.client, { accountId: c.accountId })).premium).toBe(100n);
    // The key names the refused request: another request with it is refused and recorded nowhere.
    await expectDbError(buy(c, offerId, { key: `poor-${c.id}`, quantity: 2 }), "IDEMPOTENCY_KEY_REUSED");
    expect(await getTransaction(db.client, { id: `poor-${c.id}` })).toMatchObject({ status: "failed", quantity: 1 });
    // The same request retried once the funds are there commits over the failed record.
    await grantCurrency(db.client, { ...opts, currency: "premium", accountId: c.accountId, amount: 400n, reason: "test funds", source: "admin" });
    await buy(c, offerId, { key: `poor-${c.id}` });
    expect(await getTransaction(db.client, { id: `poor-${c.id}` })).toMatchObject({ status: "committed", reason: null, amount: 500n, balanceAfter: 0n });
    await expectDbError(getTransaction(db.client, { id: "no-such-tx" }), "STORE_TRANSACTION_NOT_FOUND");
    await audited();
  });

  it("pages the ledger newest first, per account or for everyone", async () => {
    const offerId = await makeOffer(db, { pricePremium: 1n });
    const c = await buyer(db, opts, { premium: 100n });
    for (let n = 0; n < 5; n++) await buy(c, offerId, { key: `page-${c.id}-${n}`, now: new Date(opts.now!.getTime() + n * 1000) });
    const first = await getLedger(db.client, { accountId: c.accountId, limit: 2 });
    expect(first.map((t) => t.id)).toEqual([`page-${c.id}-4`, `page-${c.id}-3`]);
    expect((await getLedger(db.client, { accountId: c.accountId, limit: 2, offset: 4 })).map((t) => t.id)).toEqual([`page-${c.id}-0`]);
    expect((await getLedger(db.client, { limit: 500 })).length).toBeGreaterThanOrEqual(5);
    await expectDbError(getLedger(db.client, { limit: 501 }), "INVALID_INPUT");
  });

  it("fails the audit when a transaction disagrees with its ledger entry or the units sold with the transactions", async () => {
    const offerId = await makeOffer(db, { pricePremium: 10n });
    const c = await buyer(db, opts, { premium: 100n });
    const { result } = await buy(c, offerId);
    await db.client.storeTransaction.update({ where: { id: result.transactionId }, data: { balanceBefore: 200n, balanceAfter: 190n } });
    await db.client.storeOffer.update({ where: { id: offerId }, data: { sold: 7n } });
    const report = await auditLedger(db.client);
    expect(report.ok).toBe(false);
    expect(report.store.failures.map((f) => [f.kind, f.offerId])).toEqual([
      ["stock-sold-mismatch", offerId],
      ["transaction-ledger-mismatch", offerId],
    ]);
    expect(report.store.failures[0]!.message).toBe(`offer ${offerId} counts 7 units sold, its committed transactions 1`);
    await db.client.storeTransaction.update({ where: { id: result.transactionId }, data: { balanceBefore: 100n, balanceAfter: 90n } });
    await db.client.storeOffer.update({ where: { id: offerId }, data: { sold: 1n } });
    await audited();
  });
});

describe("the catalog in pages (the seed's pagination)", () => {
  it("cuts the catalog into pages, by category (with subcategories) and currency", async () => {
    const all = await getCatalogPage(db.client, { perPage: 100, now: opts.now! });
    const first = await getCatalogPage(db.client, { page: 1, perPage: 3, now: opts.now! });
    expect(first).toMatchObject({ page: 1, perPage: 3, total: all.total, pages: Math.ceil(all.total / 3) });
    expect(first.offers.map((o) => o.offer.id)).toEqual(all.offers.slice(0, 3).map((o) => o.offer.id));
    const last = await getCatalogPage(db.client, { page: first.pages, perPage: 3, now: opts.now! });
    expect(last.offers.length).toBe(all.total - 3 * (first.pages - 1));
    expect((await getCatalogPage(db.client, { page: first.pages + 1, perPage: 3, now: opts.now! })).offers).toEqual([]);
    const mounts = await getCatalogPage(db.client, { categoryId: 1, now: opts.now! });
    expect(mounts.offers.map((o) => o.offer.id).sort()).toEqual([101, 102]); // 102 is in Hoverboards, under Mounts
    const gold = await getCatalogPage(db.client, { currency: "gold", perPage: 100, now: opts.now! });
    expect(gold.offers.every((o) => o.prices.length === 1 && o.prices[0]!.currency === "gold")).toBe(true);
    expect(gold.offers.map((o) => o.offer.id)).toContain(101);
    expect(gold.offers.map((o) => o.offer.id)).not.toContain(102);
    await expectDbError(getCatalogPage(db.client, { page: 0 }), "INVALID_INPUT");
  });
});
