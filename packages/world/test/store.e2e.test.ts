// The storefront over the genuine store packets with the headless client: the catalog as the
// client decodes it, purchases in each currency, refusals that charge nothing, promotions and the
// daily deal priced identically on display and at the charge, and retries by transaction id.
import { storeCatalogOf } from "@bezgelor/data";
import { createPromotion, issueSessionKey, listPurchases, ownsCollectible, setDailyDeal, STORE_ERROR, type ActionOptions } from "@bezgelor/db";
import { COMBAT_REWARD_STAT, DISCOUNT_TYPE, STORE_CURRENCY_ID } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toFileTime } from "../src/game/store-packets";
import { balancesOf, ledgerRows, shopper, shown, startStoreWorld } from "./support/store";
import type { TestWorld } from "./support/world";

const { NCoin, Omnibits, Credits } = STORE_CURRENCY_ID;
const ok = { success: true, error: STORE_ERROR.Success };
const refused = (error: number) => ({ success: false, error });
const HOUR = 3_600_000;

let t: TestWorld;
let opts: ActionOptions;
beforeAll(async () => ({ t, opts } = await startStoreWorld()));
afterAll(() => t.close());

describe("opening the store", () => {
  it("sends the balances, the visible category tree, every available offer with its prices, and the finalise", async () => {
    const { client } = await shopper(t, opts, { premium: 1234n, bonus: 56n });
    const catalog = await client.openStore();
    expect(catalog.currencies.accountCurrencies).toEqual([
      { accountCurrencyType: NCoin, amount: 1234n },
      { accountCurrencyType: Omnibits, amount: 56n },
    ]);
    const shipped = storeCatalogOf(t.data);
    expect(catalog.categories.realCurrency).toBe(0);
    expect(catalog.categories.currencyPackages).toEqual([]);
    expect(catalog.categories.categories.map((c) => [c.categoryId, c.parentCategoryId, c.index, c.name, c.visible])).toEqual([
      [1, 0, 1, "Mounts", true],
      [2, 1, 1, "Hoverboards", true],
      [3, 0, 2, "Pets", true],
      [4, 0, 3, "Titles", true],
      [5, 0, 4, "Costumes", true],
      [6, 0, 5, "Bundles", true],
      [7, 0, 6, "Currency", true],
      [8, 0, 7, "Supplies", true],
    ]);
    expect(catalog.offers.groups.map((g) => g.id).sort()).toEqual(shipped.offers.map((o) => o.id).sort());
    const woolie = shown(catalog, 101, NCoin);
    expect(woolie.group).toMatchObject({ name: "Woolie", categories: [{ categoryId: 1, index: 1 }], displayInfoOverride: 0 });
    expect(woolie.offer).toMatchObject({ name: "Woolie", pricePremium: 500, priceAlternative: 0, items: [] });
    expect(woolie.offer.currencies).toEqual([
      { currencyId: NCoin, price: 500, discountType: DISCOUNT_TYPE.None, discountValue: 0, discountTimeRemaining: -1n, timeSinceExpiry: 0n },
      { currencyId: Credits, price: 250000, discountType: DISCOUNT_TYPE.None, discountValue: 0, discountTimeRemaining: -1n, timeSinceExpiry: 0n },
    ]);
    expect(shown(catalog, 601, Omnibits).offer.priceAlternative).toBe(1000);
  });
});

describe("buying", () => {
  it("a mount with NCoin: the balance and the collection change, the purchase is in the history (0x098E)", async () => {
    const { player, client } = await shopper(t, opts, { premium: 1000n });
    const before = Date.now();
    expect(await client.buy({ offerId: 101, currencyId: NCoin, price: 500, transactionId: 1, categoryId: 1 })).toEqual(ok);
    expect(await client.waitFor("ServerAccountCurrencySet")).toEqual({
      accountCurrencies: [
        { accountCurrencyType: NCoin, amount: 500n },
        { accountCurrencyType: Omnibits, amount: 0n },
      ],
    });
    expect((await client.waitFor("ServerChat", (c) => c.text.startsWith("Added to your collection"))).text).toContain("Woolie");
    expect(await ownsCollectible(t.db, { accountId: player.accountId, collectibleType: "mount", collectibleId: 1001 })).toBe(true);
    expect((await balancesOf(t, player)).premium).toBe(500n);

    const [purchase] = await listPurchases(t.db, { accountId: player.accountId });
    expect(purchase).toMatchObject({ offerId: 101, currency: "premium", amountPaid: 500n, basePrice: 500n, characterId: player.characterId });
    const history = await client.purchaseHistory();
    expect(history.purchases).toHaveLength(1);
    expect(history.purchases[0]).toMatchObject({ purchaseId: purchase!.id, currencyId: NCoin, cost: 500, name: "Woolie" });
    expect(history.purchases[0]!.transactionDateTime).toBeGreaterThanOrEqual(toFileTime(new Date(before - 1000)));
    expect(history.purchases[0]!.transactionDateTime).toBeLessThanOrEqual(toFileTime(new Date()));
  });

  it("a pet with gold: the character's gold is deducted and the client told the new total", async () => {
    const { player, client } = await shopper(t, opts, { gold: 300_000n, premium: 50n });
    expect(shown(await client.openStore(), 201, Credits).entry.price).toBe(100000);
    expect(await client.buy({ offerId: 201, currencyId: Credits, price: 100000, transactionId: 7 })).toEqual(ok);
    expect(await client.waitFor("ServerCombatReward")).toEqual({ stat: COMBAT_REWARD_STAT.Credits, newValue: 200_000n, combatRewardId: 0, targetUnitId: 0 });
    expect(await balancesOf(t, player)).toMatchObject({ gold: 200_000n, premium: 50n });
    expect(await ownsCollectible(t.db, { accountId: player.accountId, collectibleType: "pet", collectibleId: 2001 })).toBe(true);
  });

  it("an owned mount is refused (CannotUseOffer) and nothing is charged", async () => {
    const { player, client } = await shopper(t, opts, { premium: 2000n });
    expect(await client.buy({ offerId: 101, currencyId: NCoin, price: 500, transactionId: 1 })).toEqual(ok);
    const rows = await ledgerRows(t, player);
    expect(await client.buy({ offerId: 101, currencyId: NCoin, price: 500, transactionId: 2 })).toEqual(refused(STORE_ERROR.CannotUseOffer));
    expect((await balancesOf(t, player)).premium).toBe(1500n);
    expect(await ledgerRows(t, player)).toBe(rows);
    expect(await listPurchases(t.db, { accountId: player.accountId })).toHaveLength(1);
    expect(t.logged("store purchase refused").at(-1)).toMatchObject({ offerId: 101, code: "STORE_ALREADY_OWNED", storeError: STORE_ERROR.CannotUseOffer });
  });

  it("a bundle partly owned is shown and charged only for the parts it grants, the owned share shown as its discount", async () => {
    const { player, client } = await shopper(t, opts, { premium: 2000n });
    expect(shown(await client.openStore(), 501, NCoin).entry).toMatchObject({ price: 700, discountType: DISCOUNT_TYPE.None });
    expect(await client.buy({ offerId: 101, currencyId: NCoin, price: 500, transactionId: 1 })).toEqual(ok);
    // The Starter Bundle (700) less Woolie's share (500 of the parts' 800 alone): 263 for the pup.
    const bundle = shown(await client.openStore(), 501, NCoin);
    expect(bundle.entry).toMatchObject({ price: 263, discountType: DISCOUNT_TYPE.Percentage, discountValue: 62.5 });
    expect(bundle.offer.pricePremium).toBe(263);
    expect(await client.buy({ offerId: 501, currencyId: NCoin, price: 700, transactionId: 2 })).toEqual(refused(STORE_ERROR.InvalidPrice));
    expect(await client.buy({ offerId: 501, currencyId: NCoin, price: 263, transactionId: 3 })).toEqual(ok);
    expect((await balancesOf(t, player)).premium).toBe(1237n);
    expect(await ownsCollectible(t.db, { accountId: player.accountId, collectibleType: "pet", collectibleId: 2001 })).toBe(true);
    expect((await listPurchases(t.db, { accountId: player.accountId })).map((p) => [p.offerId, p.amountPaid])).toEqual([
      [501, 263n],
      [101, 500n],
    ]);
  });

  it("a retry with the same transaction id returns the first result and charges once; another purchase under it is PurchasePending", async () => {
    const { player, client } = await shopper(t, opts, { premium: 1000n });
    expect(await client.buy({ offerId: 201, currencyId: NCoin, price: 300, transactionId: 42 })).toEqual(ok);
    expect(await client.buy({ offerId: 201, currencyId: NCoin, price: 300, transactionId: 42 })).toEqual(ok);
    expect((await balancesOf(t, player)).premium).toBe(700n);
    expect(await listPurchases(t.db, { accountId: player.accountId })).toHaveLength(1);
    expect(await client.buy({ offerId: 301, currencyId: NCoin, price: 1000, transactionId: 42 })).toEqual(refused(STORE_ERROR.PurchasePending));
    expect((await balancesOf(t, player)).premium).toBe(700n);
  });

  it("after a new realm login the client's transaction ids start afresh: transaction 42 is a new purchase, charged again", async () => {
    // Offer 601 (100 NCoin for 1000 Omnibits) can be bought any number of times.
    const { player, client } = await shopper(t, opts, { bonus: 2000n });
    expect(await client.buy({ offerId: 601, currencyId: Omnibits, price: 1000, transactionId: 42 })).toEqual(ok);
    await client.close();
    const { sessionKey } = await issueSessionKey(t.db, { email: player.email });
    const again = await t.inWorld({ ...player, sessionKey });
    await again.client.waitFor("ServerAccountCurrencySet");
    expect(await again.client.buy({ offerId: 601, currencyId: Omnibits, price: 1000, transactionId: 42 })).toEqual(ok);
    expect(await balancesOf(t, player)).toMatchObject({ bonus: 0n, premium: 200n });
    expect(await listPurchases(t.db, { accountId: player.accountId })).toHaveLength(2);
  });

  it("an unknown offer, a currency it is not sold in, a bad price and an impossible offer id get their result codes and change nothing", async () => {
    const { player, client } = await shopper(t, opts, { premium: 1000n, gold: 10n });
    const rows = await ledgerRows(t, player);
    expect(await client.buy({ offerId: 999_999, currencyId: NCoin, price: 10, transactionId: 1 })).toEqual(refused(STORE_ERROR.InvalidOffer));
    expect(await client.buy({ offerId: 0xffffffff, currencyId: NCoin, price: 10, transactionId: 2 })).toEqual(refused(STORE_ERROR.InvalidOffer));
    expect(await client.buy({ offerId: 0, currencyId: NCoin, price: 10, transactionId: 3 })).toEqual(refused(STORE_ERROR.InvalidOffer));
    expect(await client.buy({ offerId: 102, currencyId: Credits, price: 750, transactionId: 4 })).toEqual(refused(STORE_ERROR.InvalidPrice));
    expect(await client.buy({ offerId: 102, currencyId: 7, price: 750, transactionId: 5 })).toEqual(refused(STORE_ERROR.InvalidPrice));
    expect(await client.buy({ offerId: 102, currencyId: NCoin, price: 749.5, transactionId: 6 })).toEqual(refused(STORE_ERROR.InvalidPrice));
    expect(await client.buy({ offerId: 102, currencyId: NCoin, price: Number.NaN, transactionId: 7 })).toEqual(refused(STORE_ERROR.InvalidPrice));
    expect(await client.buy({ offerId: 101, currencyId: Credits, price: 250000, transactionId: 8 })).toEqual(refused(STORE_ERROR.GenericFail));
    expect(await ledgerRows(t, player)).toBe(rows);
    expect(await balancesOf(t, player)).toMatchObject({ premium: 1000n, gold: 10n });
    expect(await listPurchases(t.db, { accountId: player.accountId })).toEqual([]);
    // The session goes on: a good purchase still works.
    expect(await client.buy({ offerId: 102, currencyId: NCoin, price: 750, transactionId: 9 })).toEqual(ok);
  });
});

describe("prices on display and at the charge", () => {
  it("a promotion changes both alike, and the price shown before it started is refused as stale (InvalidPrice)", async () => {
    const { player, client } = await shopper(t, opts, { premium: 2000n });
    expect(shown(await client.openStore(), 102, NCoin).entry.price).toBe(750);
    const now = Date.now();
    await createPromotion(t.db, {
      name: "Hover Week",
      percent: 20,
      startsAt: new Date(now - HOUR),
      endsAt: new Date(now + HOUR),
      scope: { kind: "offer", offerId: 102 },
    });
    expect(await client.buy({ offerId: 102, currencyId: NCoin, price: 750, transactionId: 1 })).toEqual(refused(STORE_ERROR.InvalidPrice));
    expect((await balancesOf(t, player)).premium).toBe(2000n);

    const { offer, entry } = shown(await client.openStore(), 102, NCoin);
    expect(entry).toMatchObject({ price: 600, discountType: DISCOUNT_TYPE.Percentage, discountValue: 20 });
    expect(entry.discountTimeRemaining).toBeGreaterThan(3500n);
    expect(entry.discountTimeRemaining).toBeLessThanOrEqual(3600n);
    expect(offer.pricePremium).toBe(600);
    expect(await client.buy({ offerId: 102, currencyId: NCoin, price: entry.price, transactionId: 2 })).toEqual(ok);
    expect((await balancesOf(t, player)).premium).toBe(1400n);
    expect((await listPurchases(t.db, { accountId: player.accountId }))[0]).toMatchObject({ basePrice: 750n, amountPaid: 600n, discountPercent: 20 });
  });

  it("the daily deal changes both alike", async () => {
    const { player, client } = await shopper(t, opts, { bonus: 5000n });
    await setDailyDeal(t.db, { date: new Date().toISOString().slice(0, 10), offerId: 601, percent: 25 });
    const { offer, entry } = shown(await client.openStore(), 601, Omnibits);
    expect(entry).toMatchObject({ price: 750, discountType: DISCOUNT_TYPE.Percentage, discountValue: 25 });
    expect(entry.discountTimeRemaining).toBeGreaterThan(0n);
    expect(offer.priceAlternative).toBe(750);
    expect(await client.buy({ offerId: 601, currencyId: Omnibits, price: entry.price, transactionId: 1 })).toEqual(ok);
    expect(await balancesOf(t, player)).toMatchObject({ bonus: 4250n, premium: 100n });
    expect((await listPurchases(t.db, { accountId: player.accountId }))[0]).toMatchObject({ amountPaid: 750n, discountPercent: 25 });
  });
});
