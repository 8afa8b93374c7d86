// The catalog as a player sees it at one moment: visible categories and the available offers in
// them, each priced in every currency it is sold in by core's priceOffer, the function
// purchaseOffer charges with (read in one transaction, so every price uses the same promotions and
// daily deal). ServerStoreCategories and ServerStoreOffers are built from this.
import { planGrants, priceOffer, type OfferPrice, type PartListPrice } from "@bezgelor/core";
import { STORE_CURRENCY, type GameData } from "@bezgelor/data";
import { runTransaction, type DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { bundlePricing, loadPartListPrices } from "./bundle-pricing.js";
import { loadOwnership } from "./store-grants.js";
import { loadPricingContext, toOfferRecord, type StoreOfferRecord } from "./store-offer-record.js";
import { readVipStatus } from "./vip-status.js";

/** A visible category; `index` is its position among its siblings, from 1 (sort order, then id). */
export interface CatalogCategory {
  id: number;
  parentId: number | null;
  name: string;
  description: string;
  index: number;
}

/** An available offer with its price in each currency it is sold in; `index` is its position in its category, from 1. */
export interface CatalogOffer {
  offer: StoreOfferRecord;
  index: number;
  prices: OfferPrice[];
}

/** What {@link getStoreCatalog} returns. */
export interface StoreCatalogView {
  categories: CatalogCategory[];
  offers: CatalogOffer[];
}

/** Options for {@link getStoreCatalog}. */
export interface GetStoreCatalogOptions {
  now?: Date;
  /**
   * Price for this buyer: the share of a bundle's parts the account owns is taken off as the
   * purchase takes it, and with `data` the account's VIP tier.
   */
  accountId?: number;
  /** The buyer's character (with `accountId`), whose own collection counts as owned, as in a purchase by it. */
  characterId?: number | null;
  data?: GameData;
}

/**
 * The store at `now` (default: the current time): every category whose own and ancestors'
 * `visible` is set, and every available offer in one of them, featured first then by id, with
 * each of its prices (base, discounts in force, the applied one, the buyer's VIP discount, final)
 * for the next unit at the offer's place in its demand sequence, less the share of a bundle's parts
 * the buyer owns (`accountId`, `characterId`), in its own currencies and those an exchange rate
 * reaches. Throws DbError CONNECTION_FAILED, INTERNAL.
 */
export async function getStoreCatalog(db: DbClient, options: GetStoreCatalogOptions = {}): Promise<StoreCatalogView> {
  const now = options.now ?? new Date();
  try {
    return await runTransaction(db, async (tx) => {
      const rows = await tx.storeCategory.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
      const byId = new Map(rows.map((r) => [r.id, r]));
      const shown = (id: number): boolean => {
        const seen = new Set<number>();
        for (let at = byId.get(id); at && !seen.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
          if (!at.visible) return false;
          seen.add(at.id);
        }
        return true;
      };
      const siblings = new Map<number | null, number>();
      const categories: CatalogCategory[] = [];
      for (const r of rows) {
        if (!shown(r.id)) continue;
        const index = (siblings.get(r.parentId) ?? 0) + 1;
        siblings.set(r.parentId, index);
        categories.push({ id: r.id, parentId: r.parentId, name: r.name, description: r.description, index });
      }
      const visible = new Set(categories.map((c) => c.id));
      const context = await loadPricingContext(tx, now);
      const vip = options.accountId !== undefined && options.data ? (await readVipStatus(tx, options.data, options.accountId)).tier : null;
      const owned = options.accountId === undefined ? null : await loadOwnership(tx, options.accountId, options.characterId ?? null, now);
      let listPrices: Promise<PartListPrice> | undefined;
      const offerRows = await tx.storeOffer.findMany({ where: { available: true }, orderBy: [{ featured: "desc" }, { id: "asc" }] });
      const positions = new Map<number, number>();
      const offers: CatalogOffer[] = [];
      for (const row of offerRows) {
        if (!visible.has(row.categoryId)) continue;
        const offer = toOfferRecord(row);
        const index = (positions.get(offer.categoryId) ?? 0) + 1;
        positions.set(offer.categoryId, index);
        const bundle = owned === null ? null : await bundlePricing(planGrants(offer.grants, owned), () => (listPrices ??= loadPartListPrices(tx)));
        const prices = STORE_CURRENCY.map((currency) => priceOffer({ offer, currency, now, ...context, sold: offer.sold, vip, bundle })).filter(
          (p): p is OfferPrice => p.ok,
        );
        offers.push({ offer, index, prices });
      }
      return { categories, offers };
    });
  } catch (error) {
    throw toDbError(error, "Reading the store catalog failed");
  }
}
