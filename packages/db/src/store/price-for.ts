import { describeDiscountSource, priceOffer, type OfferPrice } from "@bezgelor/core";
import type { StoreCurrency } from "@bezgelor/data";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { loadPricingContext } from "./store-offer-record.js";
import type { StoreOfferRecord } from "./store-offer-record.js";

/** The offer's price in `currency` at `now` from core's priceOffer (the one pricing rule), with a label of the applied discount. */
export async function priceFor(
  tx: Prisma.TransactionClient,
  offer: StoreOfferRecord,
  currency: StoreCurrency,
  now: Date,
): Promise<OfferPrice & { discountSource: string | null }> {
  const context = await loadPricingContext(tx, now);
  const price = priceOffer({ offer, currency, now, ...context });
  if (!price.ok) {
    throw new DbError(DB_ERROR_CODES.STORE_CURRENCY_NOT_ACCEPTED, `Offer ${offer.id} is not sold for ${currency}`, {
      details: { offerId: offer.id, currency },
    });
  }
  return { ...price, discountSource: price.applied ? describeDiscountSource(price.applied.source) : null };
}
