// The price a player is shown: the same priceFor (core priceOffer) the purchase charges with, and
// what a bundle would grant given what the buyer owns.
import { planGrants, type PriceDiscount } from "@bezgelor/core";
import { STORE_CURRENCY, type StoreCurrency, type StoreGrant } from "@bezgelor/data";
import { z } from "zod";
import { runTransaction, type DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";
import { priceFor } from "./price-for.js";
import { loadOwnership } from "./store-grants.js";
import { loadOffer } from "./store-offer-record.js";

const Input = z.object({
  accountId: IdSchema,
  characterId: IdSchema.nullable().optional(),
  offerId: IdSchema,
  currency: z.enum(STORE_CURRENCY),
  now: z.date().optional(),
});

/** What {@link previewOffer} shows. */
export interface OfferPreview {
  offerId: number;
  currency: StoreCurrency;
  available: boolean;
  basePrice: bigint;
  /** Every discount in force, best first; `applied` is the one charged. */
  discounts: readonly PriceDiscount[];
  applied: PriceDiscount | null;
  finalPrice: bigint;
  /** What buying would grant now, and the parts owned already (then not granted). Empty `grants`: owned, the purchase is refused. */
  grants: StoreGrant[];
  alreadyOwned: StoreGrant[];
}

/**
 * Prices an offer for a buyer at `now` (default: the current time) exactly as purchaseOffer
 * charges it. Throws DbError STORE_OFFER_NOT_FOUND, STORE_CURRENCY_NOT_ACCEPTED, INVALID_INPUT.
 */
export async function previewOffer(db: DbClient, options: z.input<typeof Input>): Promise<OfferPreview> {
  const i = parseInput(Input, options);
  const now = i.now ?? new Date();
  try {
    return await runTransaction(db, async (tx) => {
      const offer = await loadOffer(tx, i.offerId);
      const price = await priceFor(tx, offer, i.currency, now);
      const plan = planGrants(offer.grants, await loadOwnership(tx, i.accountId, i.characterId ?? null, now));
      return {
        offerId: offer.id,
        currency: i.currency,
        available: offer.available,
        basePrice: price.basePrice,
        discounts: price.discounts,
        applied: price.applied,
        finalPrice: price.finalPrice,
        grants: [...plan.missing],
        alreadyOwned: [...plan.owned],
      };
    });
  } catch (error) {
    throw toDbError(error, `Pricing offer ${i.offerId} failed`);
  }
}
