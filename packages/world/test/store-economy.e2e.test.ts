// The store economy over the genuine store packets: what ServerStoreOffers shows is what the
// purchase charges, with the account's VIP discount and at the offer's place in its demand
// sequence; stock and per-day limits answer with their genuine StoreError.
import { setVipTier, STORE_ERROR, type ActionOptions } from "@bezgelor/db";
import { DISCOUNT_TYPE, STORE_CURRENCY_ID } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balancesOf, shopper, shown, startStoreWorld } from "./support/store";
import type { TestWorld } from "./support/world";

const { NCoin, Omnibits } = STORE_CURRENCY_ID;
const ok = { success: true, error: STORE_ERROR.Success };
const refused = (error: number) => ({ success: false, error });

let t: TestWorld;
let opts: ActionOptions;
beforeAll(async () => ({ t, opts } = await startStoreWorld()));
afterAll(() => t.close());

describe("the store economy in the client", () => {
  it("shows a VIP account its discounted price and charges exactly that", async () => {
    const { player, client } = await shopper(t, opts, { premium: 10_000n });
    await setVipTier(t.db, { ...opts, accountId: player.accountId, tier: 2 }); // Silver: 10 % on Mounts, 5 % elsewhere
    const catalog = await client.openStore();
    const woolie = shown(catalog, 101, NCoin);
    expect(woolie.entry).toMatchObject({ price: 450, discountType: DISCOUNT_TYPE.Percentage, discountValue: 10 });
    expect(woolie.entry.discountTimeRemaining > 0n).toBe(true);
    expect(woolie.offer.pricePremium).toBe(450);
    expect(await client.buy({ offerId: 101, currencyId: NCoin, price: 500, transactionId: 1 })).toEqual(refused(STORE_ERROR.InvalidPrice));
    expect(await client.buy({ offerId: 101, currencyId: NCoin, price: 450, transactionId: 2 })).toEqual(ok);
    expect((await balancesOf(t, player)).premium).toBe(10_000n - 450n);
  });

  it("shows the next unit's demand price, which rises as units sell, and refuses the stale one", async () => {
    const { player, client } = await shopper(t, opts, { premium: 100_000n });
    const first = shown(await client.openStore(), 802, NCoin).entry.price;
    // 10 bp per unit of 50: the 10th unit costs 51. Buy until the shown price moves.
    let bought = 0;
    let price = first;
    while (price === first && bought < 20) {
      expect(await client.buy({ offerId: 802, currencyId: NCoin, price, transactionId: 100 + bought })).toEqual(ok);
      bought++;
      price = shown(await client.openStore(), 802, NCoin).entry.price;
    }
    expect(price).toBe(first + 1);
    expect(await client.buy({ offerId: 802, currencyId: NCoin, price: first, transactionId: 200 })).toEqual(refused(STORE_ERROR.InvalidPrice));
    expect(await client.buy({ offerId: 802, currencyId: NCoin, price, transactionId: 201 })).toEqual(ok);
    expect((await balancesOf(t, player)).premium).toBe(100_000n - BigInt(first * bought + price));
  });

  it("answers a daily limit with PurchaseVelocityLimit and an empty stock with InvalidOffer, charging nothing", async () => {
    const { player, client } = await shopper(t, opts, { bonus: 10_000n });
    const charm = shown(await client.openStore(), 803, Omnibits).entry.price;
    expect(await client.buy({ offerId: 803, currencyId: Omnibits, price: charm, transactionId: 1 })).toEqual(ok);
    const again = shown(await client.openStore(), 803, Omnibits).entry.price;
    expect(await client.buy({ offerId: 803, currencyId: Omnibits, price: again, transactionId: 2 })).toEqual(refused(STORE_ERROR.PurchaseVelocityLimit));
    expect((await balancesOf(t, player)).bonus).toBe(10_000n - BigInt(charm));

    await t.db.storeOffer.update({ where: { id: 802 }, data: { stock: 0 } }); // sold out
    const rich = await shopper(t, opts, { premium: 1000n });
    const shownPrice = shown(await rich.client.openStore(), 802, NCoin).entry.price;
    expect(await rich.client.buy({ offerId: 802, currencyId: NCoin, price: shownPrice, transactionId: 3 })).toEqual(refused(STORE_ERROR.InvalidOffer));
    expect((await balancesOf(t, rich.player)).premium).toBe(1000n);
  });
});
