import { describeDiscountSource, PRICE_REFUSAL, priceOffer, type BundleOwnership, type OfferPrice, type PriceOfferInput } from "@bezgelor/core";
import { MAX_STORE_PRICE, type StoreCurrency, type VipTier } from "@bezgelor/data";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { loadPricingContext, type PricingContext } from "./store-offer-record.js";
import type { StoreOfferRecord } from "./store-offer-record.js";

/** Who is buying how many: the buyer's VIP tier, and the units (default 1). */
export interface PriceForOptions {
  vip?: VipTier | null;
  quantity?: number;
  /** Read already in this transaction (the catalog prices many offers with one). */
  context?: PricingContext;
  /** What the buyer owns of a bundle (bundlePricing); absent or null: none of it. */
  bundle?: BundleOwnership | null;
}

/**
 * The offer's price in `currency` at `now` from core's priceOffer (the one pricing rule), at the
 * offer's place in its demand sequence (`offer.sold`, read under the offer's row lock by a
 * purchase) and the buyer's owned parts of a bundle, with a label of the applied discount. Throws
 * DbError STORE_CURRENCY_NOT_ACCEPTED.
 */
export async function priceFor(
  tx: Prisma.TransactionClient,
  offer: StoreOfferRecord,
  currency: StoreCurrency,
  now: Date,
  options: PriceForOptions = {},
): Promise<OfferPrice & { discountSource: string | null }> {
  const context = options.context ?? (await loadPricingContext(tx, now, offer.prices[currency] === undefined));
  const input: PriceOfferInput = {
    offer,
    currency,
    now,
    ...context,
    sold: offer.sold,
    quantity: options.quantity ?? 1,
    vip: options.vip ?? null,
    bundle: options.bundle ?? null,
  };
  const price = priceOffer(input);
  if (!price.ok) {
    const why = price.reason === PRICE_REFUSAL.PRICE_TOO_HIGH ? ` (a unit would cost more than ${MAX_STORE_PRICE}, the most the client shows exactly)` : "";
    throw new DbError(DB_ERROR_CODES.STORE_CURRENCY_NOT_ACCEPTED, `Offer ${offer.id} is not sold for ${currency}${why}`, {
      details: { offerId: offer.id, currency, reason: price.reason },
    });
  }
  return { ...price, discountSource: price.applied ? describeDiscountSource(price.applied.source) : null };
}
