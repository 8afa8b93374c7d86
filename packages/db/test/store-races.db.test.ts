// Storefront and promo code races. They only mean something on PostgreSQL: PGlite runs one query
// at a time. Skipped (visibly) without DATABASE_URL. The ledger audit passes after each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLedger,
  createPromoCode,
  DB_ERROR_CODES,
  getBalances,
  getPromoCode,
  isDbError,
  purchaseOffer,
  redeemPromoCode,
  type ActionOptions,
  type Character,
  type Database,
  type DbErrorCode,
} from "../src/index.js";
import { befriend, buyer, storeDatabase } from "./store-support.js";
import { onPostgres, raceSuiteTitle } from "./race-suite.js";

const title = raceSuiteTitle("storefront and promo code races");

describe.skipIf(!onPostgres)(title, () => {
  let db: Database;
  let opts: ActionOptions;
  beforeAll(async () => ({ db, opts } = await storeDatabase()));
  afterAll(() => db.close());

  /** Fulfilled count, and expects every rejection to be one of `codes`. */
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
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
  }

  it("20 concurrent purchases against a balance for 7 succeed exactly 7 times", async () => {
    const c = await buyer(db, opts, { premium: 7n * 400n + 399n });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        purchaseOffer(db.client, { ...opts, accountId: c.accountId, characterId: c.id, offerId: 401, currency: "premium", price: 400n }),
      ),
    );
    expect(tally(results, [DB_ERROR_CODES.INSUFFICIENT_FUNDS])).toBe(7);
    expect((await getBalances(db.client, { accountId: c.accountId })).premium).toBe(399n);
    expect(await db.client.storePurchase.count({ where: { accountId: c.accountId } })).toBe(7);
    expect(await db.client.characterInventoryItem.findUnique({ where: { characterId_itemId: { characterId: c.id, itemId: 40001 } } })).toMatchObject({
      count: 7,
    });
    await audited();
  });

  it("the same purchase key sent 10 times concurrently charges once and every answer is the first result", async () => {
    const c = await buyer(db, opts, { premium: 5000n });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        purchaseOffer(db.client, {
          ...opts,
          idempotencyKey: `race-${c.id}`,
          accountId: c.accountId,
          characterId: c.id,
          offerId: 101,
          currency: "premium",
          price: 500n,
        }),
      ),
    );
    expect(tally(results, [])).toBe(10);
    const answers = results.map((r) => (r.status === "fulfilled" ? r.value : null));
    expect(answers.filter((a) => a && !a.replayed)).toHaveLength(1);
    expect(new Set(answers.map((a) => a!.result.purchaseId)).size).toBe(1);
    expect((await getBalances(db.client, { accountId: c.accountId })).premium).toBe(4500n);
    await audited();
  });

  it("the same mount bought by 10 racers of one account without a key is charged once (owned check under the account lock)", async () => {
    const c = await buyer(db, opts, { premium: 5000n });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        purchaseOffer(db.client, { ...opts, accountId: c.accountId, characterId: c.id, offerId: 102, currency: "premium", price: 750n }),
      ),
    );
    expect(tally(results, [DB_ERROR_CODES.STORE_ALREADY_OWNED])).toBe(1);
    expect((await getBalances(db.client, { accountId: c.accountId })).premium).toBe(4250n);
    await audited();
  });

  it("gifts of one pet to one friend from 6 friends in two offers are charged once; gifts both ways between two accounts do not deadlock", async () => {
    await db.client.storeOffer.update({ where: { id: 501 }, data: { giftable: true } });
    const to = await buyer(db, opts);
    const givers = await Promise.all(Array.from({ length: 6 }, () => buyer(db, opts, { premium: 1000n })));
    for (const g of givers) await befriend(db, opts, g, to);
    const [x, y] = [await buyer(db, opts, { premium: 500n }), await buyer(db, opts, { premium: 500n })];
    await befriend(db, opts, x, y);
    const gift = (from: Character, recipient: Character, offerId: number, price: bigint) =>
      purchaseOffer(db.client, {
        ...opts,
        accountId: from.accountId,
        characterId: from.id,
        offerId,
        currency: "premium",
        price,
        gift: { to: { characterId: recipient.id } },
      });
    const [pet, both] = await Promise.all([
      Promise.allSettled(givers.map((g, n) => (n % 2 === 0 ? gift(g, to, 201, 300n) : gift(g, to, 501, 700n)))),
      Promise.allSettled([gift(x, y, 101, 500n), gift(y, x, 101, 500n)]),
    ]);
    expect(tally(pet, [DB_ERROR_CODES.STORE_GIFT_ALREADY_OWNED])).toBe(1);
    expect(tally(both, [])).toBe(2);
    const spent = await Promise.all(givers.map(async (g) => 1000n - (await getBalances(db.client, { accountId: g.accountId })).premium));
    expect(spent.filter((s) => s > 0n)).toHaveLength(1);
    expect(await db.client.mail.count({ where: { recipientCharacterId: to.id } })).toBe(1);
    await audited();
  });

  it("50 racers on a multi-use code with 10 uses give exactly 10 redemptions", async () => {
    const code = `MULTI-${process.pid}`;
    await createPromoCode(db.client, { code, kind: "multi_use", maxUses: 10, rewards: [{ kind: "currency", currency: "premium", amount: 100n }] }, opts);
    const racers = await Promise.all(Array.from({ length: 50 }, () => buyer(db, opts)));
    const results = await Promise.allSettled(racers.map((c) => redeemPromoCode(db.client, { ...opts, accountId: c.accountId, characterId: c.id, code })));
    expect(tally(results, [DB_ERROR_CODES.PROMO_CODE_EXHAUSTED])).toBe(10);
    expect((await getPromoCode(db.client, { code }))?.uses).toBe(10);
    expect(await db.client.promoRedemption.count({ where: { code: { code } } })).toBe(10);
    await audited();
  });

  it("two accounts racing for a single-use code give one redemption", async () => {
    const code = `SINGLE-${process.pid}`;
    await createPromoCode(db.client, { code, kind: "single_use", rewards: [{ kind: "currency", currency: "bonus", amount: 10n }] }, opts);
    const [a, b] = [await buyer(db, opts), await buyer(db, opts)];
    const results = await Promise.allSettled([a, b].map((c) => redeemPromoCode(db.client, { ...opts, accountId: c.accountId, code })));
    expect(tally(results, [DB_ERROR_CODES.PROMO_CODE_EXHAUSTED])).toBe(1);
    expect((await getPromoCode(db.client, { code }))?.uses).toBe(1);
    await audited();
  });

  it("one account racing itself on a per-account code gives one redemption", async () => {
    const code = `EACH-${process.pid}`;
    await createPromoCode(db.client, { code, kind: "per_account", rewards: [{ kind: "currency", currency: "bonus", amount: 10n }] }, opts);
    const c = await buyer(db, opts);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => redeemPromoCode(db.client, { ...opts, accountId: c.accountId, code })));
    expect(tally(results, [DB_ERROR_CODES.PROMO_CODE_ALREADY_REDEEMED, DB_ERROR_CODES.PROMO_RATE_LIMITED])).toBe(1);
    expect(await db.client.promoRedemption.count({ where: { accountId: c.accountId } })).toBe(1);
    expect((await getBalances(db.client, { accountId: c.accountId })).bonus).toBe(10n);
    await audited();
  });
});
