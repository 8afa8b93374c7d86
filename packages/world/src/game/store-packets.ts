// What the store packets carry, built from the db's catalog view and purchase history. Prices on
// the wire are the final prices from core's priceOffer (the function the purchase charges with):
// what the client shows is what the purchase must be sent with.
import type { OfferPrice } from "@bezgelor/core";
import type { StoreCurrency } from "@bezgelor/data";
import type { PurchaseRecord, StoreCatalogView } from "@bezgelor/db";
import {
  DISCOUNT_TYPE,
  REAL_CURRENCY,
  STORE_CURRENCY_ID,
  type PacketValue,
  type ServerStoreCategories,
  type ServerStoreOffers,
  type ServerStorePurchaseHistory,
} from "@bezgelor/protocol";

/** The storefront's 5-bit currency id of each store currency (NCoin 11, Omnibits 6, this server's Credits 31). */
export const STORE_CURRENCY_WIRE: Readonly<Record<StoreCurrency, number>> = {
  premium: STORE_CURRENCY_ID.NCoin,
  bonus: STORE_CURRENCY_ID.Omnibits,
  gold: STORE_CURRENCY_ID.Credits,
};

/** The store currency of a wire currency id, or undefined for one the store does not sell in. */
export function storeCurrencyOf(wire: number): StoreCurrency | undefined {
  return (Object.keys(STORE_CURRENCY_WIRE) as StoreCurrency[]).find((c) => STORE_CURRENCY_WIRE[c] === wire);
}

/** Milliseconds from 1601-01-01 to 1970-01-01: FILETIME's epoch. */
const FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000n;

/** A time as a Windows FILETIME (100 ns ticks since 1601-01-01 UTC), as ServerStorePurchaseHistory carries it. */
export function toFileTime(at: Date): bigint {
  return (BigInt(at.getTime()) + FILETIME_EPOCH_OFFSET_MS) * 10_000n;
}

/** ServerStoreCategories: the visible tree, no real-money packs (everything is bought in game). */
export function storeCategoriesValue(catalog: StoreCatalogView): PacketValue<typeof ServerStoreCategories> {
  return {
    categories: catalog.categories.map((c) => ({
      name: c.name,
      description: c.description,
      categoryId: c.id,
      parentCategoryId: c.parentId ?? 0,
      index: c.index,
      visible: true,
    })),
    realCurrency: REAL_CURRENCY.Usd,
    currencyPackages: [],
  };
}

/** Seconds a VIP discount is shown to run: it has no end, and only a positive value turns a discount on. */
const VIP_DISCOUNT_SECONDS = 2_147_483_647n;

/**
 * One currency entry: the final price of the next unit (the one the purchase charges, VIP discount
 * and a bundle's owned parts included), and the discount as a percentage with the seconds it still
 * runs: the promotion's or daily deal's, combined with the buyer's VIP percent and the owned parts'
 * share as core applies them (one after the other).
 */
function currencyEntry(price: OfferPrice, now: Date) {
  const applied = price.applied;
  const vipPercent = price.vip?.percent ?? 0;
  const promotionPercent = applied?.percent ?? 0;
  // The owned parts of a bundle are shown as part of the discount, so the lower price is explained.
  const owned = price.ownedShare;
  const ownedPercent = owned ? (Number(owned.ownedWorth) * 100) / Number(owned.totalWorth) : 0;
  const percent = 100 - ((100 - promotionPercent) * (100 - vipPercent) * (100 - ownedPercent)) / 10_000;
  const seconds = applied ? BigInt(Math.max(1, Math.ceil((applied.endsAt.getTime() - now.getTime()) / 1000))) : VIP_DISCOUNT_SECONDS;
  return {
    currencyId: STORE_CURRENCY_WIRE[price.currency],
    price: Number(price.unitPrice),
    discountType: percent > 0 ? DISCOUNT_TYPE.Percentage : DISCOUNT_TYPE.None,
    discountValue: percent > 0 ? percent : 0,
    discountTimeRemaining: percent > 0 ? seconds : -1n,
    timeSinceExpiry: 0n,
  };
}

/**
 * ServerStoreOffers: one group per offer (the group carries the offer's name and badges and is
 * shown in the offer's category at its position), the offer's currency entries in the order
 * premium, bonus, gold, and no item entries (they name AccountItem ids, which this catalog has
 * not). `pricePremium` and `priceAlternative` are the final NCoin and Omnibit prices, 0 when not
 * sold in them.
 */
export function storeOffersValue(catalog: StoreCatalogView, now: Date): PacketValue<typeof ServerStoreOffers> {
  return {
    groups: catalog.offers.map(({ offer, index, prices }) => {
      const final = (currency: StoreCurrency) => Number(prices.find((p) => p.currency === currency)?.unitPrice ?? 0n);
      return {
        id: offer.id,
        displayFlags: offer.displayFlags,
        name: offer.name,
        description: offer.description,
        displayInfoOverride: 0,
        offers: [
          {
            id: offer.id,
            name: offer.name,
            description: offer.description,
            pricePremium: final("premium"),
            priceAlternative: final("bonus"),
            displayFlags: offer.displayFlags,
            unknown6: 0n,
            unknown7: 0,
            currencies: prices.map((p) => currencyEntry(p, now)),
            items: [],
          },
        ],
        categories: [{ categoryId: offer.categoryId, index }],
      };
    }),
  };
}

/** ServerStorePurchaseHistory: each purchase's id, time, currency, amount paid and offer name, newest first. */
export function purchaseHistoryValue(purchases: readonly PurchaseRecord[]): PacketValue<typeof ServerStorePurchaseHistory> {
  return {
    purchases: purchases.map((p) => ({
      purchaseId: p.id,
      transactionDateTime: toFileTime(p.createdAt),
      currencyId: STORE_CURRENCY_WIRE[p.currency as StoreCurrency] ?? 0,
      unknown0: 0,
      cost: Number(p.amountPaid),
      name: p.offerName,
      unknown1: false,
      unknown2: 0n,
      unknown3: 0,
    })),
  };
}
