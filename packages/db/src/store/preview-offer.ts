// The price a player is shown: the same priceFor (core priceOffer) the purchase charges with, and
// what a bundle would grant given what the buyer owns (the owned parts are not charged for).
import { planGrants, type OfferPrice } from "@bezgelor/core";
import { MAX_STORE_QUANTITY, STORE_CURRENCY, type GameData, type StoreGrant } from "@bezgelor/data";
import { z } from "zod";
import { runTransaction, type DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";
import { bundlePricing, loadPartListPrices } from "./bundle-pricing.js";
import { priceFor } from "./price-for.js";
import { loadOwnership } from "./store-grants.js";
import { loadOffer } from "./store-offer-record.js";
import { readVipStatus } from "./vip-status.js";

const Input = z.object({
  /** The buyer (VIP tier, what is owned); without one, the price for anyone without a tier. */
  accountId: IdSchema.optional(),
  quantity: z.number().int().min(1).max(MAX_STORE_QUANTITY).default(1),
  characterId: IdSchema.nullable().optional(),
  offerId: IdSchema,
  currency: z.enum(STORE_CURRENCY),
  now: z.date().optional(),
});

/** What {@link previewOffer} shows: the whole breakdown (see core priceOffer) and what buying would grant. */
export type OfferPreview = Omit<OfferPrice, "ok"> & {
  offerId: number;
  available: boolean;
  /** Units left (null: unlimited) and sold so far. */
  stock: number | null;
  sold: bigint;
  maxQuantity: number;
  /**
   * What buying would grant now, and the parts owned already (then neither granted nor charged for:
   * `ownedShare`, each unit's `ownedDiscount`). Empty `grants`: owned, the purchase is refused.
   */
  grants: StoreGrant[];
  alreadyOwned: StoreGrant[];
};

/**
 * Prices `quantity` units of an offer for a buyer at `now` (default: the current time) exactly as
 * purchaseOffer would charge them now: at the offer's place in its demand sequence, with the
 * buyer's VIP tier (from `data`'s tiers), the exchange rates, and less the share of a bundle's
 * parts the buyer (with `characterId`, the character too) owns already. Throws DbError
 * STORE_OFFER_NOT_FOUND, STORE_QUANTITY_NOT_ALLOWED (more than the offer sells at once, as the
 * purchase would refuse), STORE_CURRENCY_NOT_ACCEPTED, INVALID_INPUT.
 */
export async function previewOffer(db: DbClient, options: z.input<typeof Input> & { data: GameData }): Promise<OfferPreview> {
  const i = parseInput(Input, options);
  const now = i.now ?? new Date();
  try {
    return await runTransaction(db, async (tx) => {
      const offer = await loadOffer(tx, i.offerId);
      // What the purchase would refuse, the preview refuses too: a quote is a promise of the price.
      if (i.quantity > offer.maxQuantity) {
        throw new DbError(DB_ERROR_CODES.STORE_QUANTITY_NOT_ALLOWED, `Offer ${offer.id} sells at most ${offer.maxQuantity} at once, not ${i.quantity}`, {
          details: { offerId: offer.id, quantity: i.quantity, maxQuantity: offer.maxQuantity },
        });
      }
      const vip = i.accountId === undefined ? null : (await readVipStatus(tx, options.data, i.accountId)).tier;
      const owned =
        i.accountId === undefined
          ? { mounts: new Set<number>(), pets: new Set<number>(), titles: new Set<number>() }
          : await loadOwnership(tx, i.accountId, i.characterId ?? null, now, offer.grants);
      const plan = planGrants(offer.grants, owned);
      const bundle = await bundlePricing(plan, () => loadPartListPrices(tx));
      const { ok: _ok, discountSource: _label, ...price } = await priceFor(tx, offer, i.currency, now, { vip, quantity: i.quantity, bundle });
      return {
        ...price,
        offerId: offer.id,
        available: offer.available,
        stock: offer.stock,
        sold: offer.sold,
        maxQuantity: offer.maxQuantity,
        grants: [...plan.missing],
        alreadyOwned: [...plan.owned],
      };
    });
  } catch (error) {
    throw toDbError(error, `Pricing offer ${i.offerId} failed`);
  }
}
