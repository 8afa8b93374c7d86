// The storefront purchase: every refusal (nothing charged, nothing granted, no event), every kind
// of offer, promotions and the daily deal charged exactly as previewed, idempotency, faults, and
// the original's defects each as a test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPromotion,
  getAccountCollection,
  getBalances,
  getCharacterCollection,
  getItemCount,
  getStoreCatalog,
  listAccountTitles,
  listPurchases,
  previewOffer,
  purchaseOffer,
  setDailyDeal,
  setOfferAvailability,
  STORE_ERROR,
  storeErrorFor,
  type ActionOptions,
  type Character,
  type Database,
  type DbErrorCode,
} from "../src/index.js";
import { expectDbError } from "./expect-db-error.js";
import { buyer, storeDatabase } from "./store-support.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => ({ db, opts } = await storeDatabase()));
afterAll(() => db.close());

const snapshot = async (c: Character) => ({
  balances: await getBalances(db.client, { accountId: c.accountId, characterId: c.id }),
  collection: await getAccountCollection(db.client, { accountId: c.accountId }),
  own: await getCharacterCollection(db.client, { characterId: c.id }),
  titles: await listAccountTitles(db.client, { accountId: c.accountId }),
  purchases: await listPurchases(db.client, { accountId: c.accountId }),
  ledger: await db.client.currencyLedgerEntry.count({ where: { accountId: c.accountId } }),
  events: await db.client.gameEvent.count({ where: { accountId: c.accountId } }),
});
/** Expects the purchase to be refused with `code` and to change nothing for `c`. */
async function refused(c: Character, action: () => Promise<unknown>, code: DbErrorCode) {
  const before = await snapshot(c);
  await expectDbError(action(), code);
  expect(await snapshot(c)).toEqual(before);
}
const buy = (c: Character, offerId: number, currency: "premium" | "bonus" | "gold", price: bigint, more: Partial<ActionOptions> = {}) =>
  purchaseOffer(db.client, { ...opts, ...more, accountId: c.accountId, characterId: c.id, offerId, currency, price });

describe("buying", () => {
  it("a mount with premium: premium taken from the account, the mount in the account's collection, the history recorded", async () => {
    const c = await buyer(db, opts, { premium: 800n });
    const { result, events } = await buy(c, 101, "premium", 500n);
    expect(result).toMatchObject({
      offerId: 101,
      currency: "premium",
      basePrice: 500n,
      amountPaid: 500n,
      discountPercent: 0,
      discountSource: null,
      granted: [{ kind: "mount", mountId: 1001 }],
    });
    expect(events.map((e) => e.kind)).toEqual(["currency.changed", "collection.unlocked", "store.purchased"]);
    expect(events[0]).toMatchObject({ currency: "premium", delta: -500n, balanceAfter: 300n, source: "store", characterId: null });
    expect((await getBalances(db.client, { accountId: c.accountId })).premium).toBe(300n);
    expect(await getAccountCollection(db.client, { accountId: c.accountId })).toEqual([
      expect.objectContaining({ collectibleType: "mount", collectibleId: 1001, unlockSource: "purchase", scope: "account" }),
    ]);
    expect(await listPurchases(db.client, { accountId: c.accountId })).toEqual([
      expect.objectContaining({
        id: result.purchaseId,
        characterId: c.id,
        offerId: 101,
        currency: "premium",
        basePrice: 500n,
        amountPaid: 500n,
        isGift: false,
        recipientCharacterId: null,
      }),
    ]);
    expect(await db.client.gameEvent.count({ where: { accountId: c.accountId, kind: "store.purchased" } })).toBe(1);
  });

  it("defect: a gold purchase deducts the gold from the buying character", async () => {
    const c = await buyer(db, opts, { gold: 300_000n });
    const { result, events } = await buy(c, 201, "gold", 100_000n);
    expect(result.amountPaid).toBe(100_000n);
    expect(events[0]).toMatchObject({ kind: "currency.changed", currency: "gold", characterId: c.id, delta: -100_000n, balanceAfter: 200_000n });
    expect((await getBalances(db.client, { accountId: c.accountId, characterId: c.id })).gold).toBe(200_000n);
  });

  it("defect: an owned mount is refused, not charged again", async () => {
    const c = await buyer(db, opts, { premium: 2000n });
    await buy(c, 101, "premium", 500n);
    await refused(c, () => buy(c, 101, "premium", 500n), "STORE_ALREADY_OWNED");
    await refused(c, () => buy(c, 101, "gold", 250_000n), "STORE_ALREADY_OWNED");
  });

  it("a bundle grants only what is missing and charges only for it, as its preview and the catalog say", async () => {
    const c = await buyer(db, opts, { premium: 2000n });
    await buy(c, 101, "premium", 500n);
    const preview = await previewOffer(db.client, {
      data: opts.rules.data,
      accountId: c.accountId,
      characterId: c.id,
      offerId: 501,
      currency: "premium",
      now: opts.now!,
    });
    // The Starter Bundle (700) less Woolie's share by list price (Woolie 500, the pup 300 alone):
    // 700 - floor(700 * 500 / 800) = 263, less than the pup alone.
    expect(preview).toMatchObject({
      finalPrice: 263n,
      grants: [{ kind: "pet", petId: 2001 }],
      alreadyOwned: [{ kind: "mount", mountId: 1001 }],
      ownedShare: { ownedWorth: 500n, totalWorth: 800n, weighting: "list-price" },
    });
    const catalog = await getStoreCatalog(db.client, { now: opts.now!, accountId: c.accountId, characterId: c.id, data: opts.rules.data });
    expect(catalog.offers.find((o) => o.offer.id === 501)?.prices.map((p) => [p.currency, p.unitPrice])).toEqual([["premium", 263n]]);
    const anyone = await getStoreCatalog(db.client, { now: opts.now! });
    expect(anyone.offers.find((o) => o.offer.id === 501)?.prices.map((p) => p.unitPrice)).toEqual([700n]);
    await refused(c, () => buy(c, 501, "premium", 700n), "STORE_PRICE_CHANGED");
    const { result, events } = await buy(c, 501, "premium", 263n);
    expect(result).toMatchObject({
      amountPaid: 263n,
      ownedPartsDiscount: 437n,
      balanceAfter: 1237n,
      granted: [{ kind: "pet", petId: 2001 }],
      alreadyOwned: [{ kind: "mount", mountId: 1001 }],
    });
    expect(events.filter((e) => e.kind === "collection.unlocked")).toHaveLength(1);
    await refused(c, () => buy(c, 501, "premium", 700n), "STORE_ALREADY_OWNED");
  });

  it("a title offer grants the store title to the account; owning it refuses the next", async () => {
    const c = await buyer(db, opts, { premium: 2500n });
    const { events } = await buy(c, 301, "premium", 1000n);
    expect(events.map((e) => e.kind)).toEqual(["currency.changed", "title.granted", "store.purchased"]);
    expect((await listAccountTitles(db.client, { accountId: c.accountId })).map((t) => [t.titleId, t.source])).toEqual([[5001, "store"]]);
    await refused(c, () => buy(c, 301, "premium", 1000n), "STORE_ALREADY_OWNED");
  });

  it("a costume goes into the buying character's inventory, and may be bought again", async () => {
    const c = await buyer(db, opts, { premium: 1000n });
    await buy(c, 401, "premium", 400n);
    const { events } = await buy(c, 401, "premium", 400n);
    expect(events.map((e) => e.kind)).toEqual(["currency.changed", "inventory.changed", "store.purchased"]);
    await expect(getItemCount(db.client, { characterId: c.id, itemId: 40001 })).resolves.toBe(2);
    await refused(
      c,
      () => purchaseOffer(db.client, { ...opts, accountId: c.accountId, offerId: 401, currency: "premium", price: 400n }),
      "STORE_CHARACTER_REQUIRED",
    );
  });

  it("a purchase that names no character where one is needed is told so before its price, and keeps no key", async () => {
    const c = await buyer(db, opts, { premium: 1000n });
    const key = `no-character-${c.id}`;
    // A stale price too: the missing character is what is wrong with the request.
    await refused(
      c,
      () => purchaseOffer(db.client, { ...opts, idempotencyKey: key, accountId: c.accountId, offerId: 401, currency: "premium", price: 1n }),
      "STORE_CHARACTER_REQUIRED",
    );
    // Completed, the request takes the key: it was never judged.
    const { events } = await buy(c, 401, "premium", 400n, { idempotencyKey: key });
    expect(events.map((e) => e.kind)).toContain("store.purchased");
    await expect(getItemCount(db.client, { characterId: c.id, itemId: 40001 })).resolves.toBe(1);
  });

  it("a currency pack credits the account (bonus for premium), both through the ledger", async () => {
    const c = await buyer(db, opts, { bonus: 1500n });
    const { events } = await purchaseOffer(db.client, { ...opts, accountId: c.accountId, offerId: 601, currency: "bonus", price: 1000n });
    expect(events.filter((e) => e.kind === "currency.changed").map((e) => [e.currency, e.delta])).toEqual([
      ["bonus", -1000n],
      ["premium", 100n],
    ]);
    expect(await getBalances(db.client, { accountId: c.accountId })).toMatchObject({ bonus: 500n, premium: 100n });
  });

  it("refuses, charging nothing: unknown, unavailable, a currency it is not sold in, too little money, gold without a character", async () => {
    const c = await buyer(db, opts, { premium: 400n, gold: 10n });
    await refused(c, () => buy(c, 9999, "premium", 1n), "STORE_OFFER_NOT_FOUND");
    await refused(c, () => buy(c, 102, "gold", 1n), "STORE_CURRENCY_NOT_ACCEPTED");
    await refused(c, () => buy(c, 101, "premium", 500n), "INSUFFICIENT_FUNDS");
    await refused(c, () => buy(c, 101, "gold", 250_000n), "INSUFFICIENT_FUNDS");
    await refused(
      c,
      () => purchaseOffer(db.client, { ...opts, accountId: c.accountId, offerId: 201, currency: "gold", price: 100_000n }),
      "STORE_CHARACTER_REQUIRED",
    );
    const other = await buyer(db, opts);
    await refused(
      c,
      () => purchaseOffer(db.client, { ...opts, accountId: c.accountId, characterId: other.id, offerId: 201, currency: "premium", price: 300n }),
      "CHARACTER_NOT_FOUND",
    );
    await setOfferAvailability(db.client, { ...opts, offerId: 102, available: false, expectedVersion: 1 });
    try {
      await refused(c, () => buy(c, 102, "premium", 750n), "STORE_OFFER_UNAVAILABLE");
    } finally {
      await setOfferAvailability(db.client, { ...opts, offerId: 102, available: true, expectedVersion: 2 });
    }
  });

  it("maps every refusal to its genuine StoreError", () => {
    expect(storeErrorFor("STORE_PRICE_CHANGED")).toBe(STORE_ERROR.InvalidPrice);
    expect(storeErrorFor("STORE_OFFER_NOT_FOUND")).toBe(STORE_ERROR.InvalidOffer);
    expect(storeErrorFor("STORE_ALREADY_OWNED")).toBe(STORE_ERROR.CannotUseOffer);
    expect(storeErrorFor("STORE_NOT_GIFTABLE")).toBe(STORE_ERROR.CannotGiftOffer);
    expect(storeErrorFor("STORE_GIFT_RECIPIENT_INELIGIBLE")).toBe(STORE_ERROR.IneligibleGiftRecipient);
    expect(storeErrorFor("INTERNAL")).toBe(STORE_ERROR.GenericFail);
  });
});

describe("prices", () => {
  it("defect: a promotion changes the previewed and the charged price identically; a stale price is refused", async () => {
    const start = new Date("2027-01-10T00:00:00Z");
    const end = new Date("2027-01-11T00:00:00Z");
    await createPromotion(db.client, { name: "Pet week", percent: 33, startsAt: start, endsAt: end, scope: { kind: "offer", offerId: 201 } });
    const c = await buyer(db, opts, { premium: 1000n });
    const before = await previewOffer(db.client, {
      data: opts.rules.data,
      accountId: c.accountId,
      offerId: 201,
      currency: "premium",
      now: new Date(start.getTime() - 1000),
    });
    expect(before.finalPrice).toBe(300n);
    const during = await previewOffer(db.client, { data: opts.rules.data, accountId: c.accountId, offerId: 201, currency: "premium", now: start });
    expect(during).toMatchObject({ basePrice: 300n, finalPrice: 201n, applied: { percent: 33, amount: 99n, source: { kind: "promotion", name: "Pet week" } } });
    await refused(c, () => buy(c, 201, "premium", 300n, { now: start }), "STORE_PRICE_CHANGED");
    const { result } = await buy(c, 201, "premium", during.finalPrice, { now: new Date(end.getTime() - 1000) });
    expect(result).toMatchObject({ amountPaid: 201n, basePrice: 300n, discountPercent: 33, discountSource: expect.stringContaining("Pet week") });
    expect((await getBalances(db.client, { accountId: c.accountId })).premium).toBe(799n);
  });

  it("a category promotion covers its subcategories; the best single discount wins over the daily deal", async () => {
    const day = new Date("2027-02-01T08:00:00Z");
    await createPromotion(db.client, {
      name: "Mounts",
      percent: 10,
      startsAt: new Date("2027-02-01T00:00:00Z"),
      endsAt: new Date("2027-02-02T00:00:00Z"),
      scope: { kind: "category", categoryId: 1 },
    });
    await setDailyDeal(db.client, { date: "2027-02-01", offerId: 102, percent: 20 });
    const c = await buyer(db, opts, { premium: 2000n });
    const hoverboard = await previewOffer(db.client, { data: opts.rules.data, accountId: c.accountId, offerId: 102, currency: "premium", now: day });
    expect(hoverboard.discounts.map((d) => [d.source.kind, d.percent])).toEqual([
      ["daily-deal", 20],
      ["promotion", 10],
    ]);
    expect(hoverboard.finalPrice).toBe(600n);
    const { result } = await buy(c, 102, "premium", 600n, { now: day });
    expect(result.discountSource).toBe("daily deal 2027-02-01");
    const woolie = await previewOffer(db.client, { data: opts.rules.data, accountId: c.accountId, offerId: 101, currency: "premium", now: day });
    expect(woolie.finalPrice).toBe(450n);
  });

  it("100 % off charges nothing and writes no ledger entry, and still grants", async () => {
    const at = new Date("2027-03-01T00:00:00Z");
    await createPromotion(db.client, {
      name: "Free pup",
      percent: 100,
      startsAt: at,
      endsAt: new Date("2027-03-02T00:00:00Z"),
      scope: { kind: "offer", offerId: 201 },
    });
    const c = await buyer(db, opts);
    const { result, events } = await buy(c, 201, "premium", 0n, { now: at });
    expect(result.amountPaid).toBe(0n);
    expect(events.map((e) => e.kind)).toEqual(["collection.unlocked", "store.purchased"]);
  });
});

describe("safety", () => {
  it("a retried purchase with its key returns the first result and charges once; the key for another purchase is refused", async () => {
    const c = await buyer(db, opts, { premium: 2000n });
    const first = await buy(c, 101, "premium", 500n, { idempotencyKey: `tx-${c.id}` });
    const again = await buy(c, 101, "premium", 500n, { idempotencyKey: `tx-${c.id}` });
    expect(again).toEqual({ result: first.result, events: [], replayed: true });
    expect((await getBalances(db.client, { accountId: c.accountId })).premium).toBe(1500n);
    await refused(c, () => buy(c, 201, "premium", 300n, { idempotencyKey: `tx-${c.id}` }), "IDEMPOTENCY_KEY_REUSED");
  });

  it("a failure at any step leaves nothing charged, granted or recorded", async () => {
    for (const step of ["store.paid", "collection.unlocked", "store.granted", "events"]) {
      const c = await buyer(db, opts, { premium: 1000n });
      const before = await snapshot(c);
      const faults = (name: string) => {
        if (name === step) throw new Error(`fault at ${step}`);
      };
      await expect(buy(c, 501, "premium", 700n, { faults })).rejects.toThrow(step);
      expect(await snapshot(c)).toEqual(before);
    }
  });

  it("lists the history newest first, a page at a time", async () => {
    const c = await buyer(db, opts, { premium: 5000n });
    for (let i = 0; i < 3; i++) await buy(c, 401, "premium", 400n);
    const all = await listPurchases(db.client, { accountId: c.accountId });
    expect(all.map((p) => p.id)).toEqual([...all.map((p) => p.id)].sort((a, b) => (a > b ? -1 : 1)));
    expect(await listPurchases(db.client, { accountId: c.accountId, limit: 2, offset: 2 })).toEqual([all[2]]);
    await expectDbError(listPurchases(db.client, { accountId: c.accountId, limit: 501 }), "INVALID_INPUT");
  });
});
