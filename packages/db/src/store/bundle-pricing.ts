// The owned-parts step of core's priceOffer, fed from the database: what the buyer owns of an
// offer's grants, and the catalog's list prices of single parts. The catalog, the preview and the
// purchase all build it here, so a partly owned bundle is shown and charged the same price.
import { listPricesOfParts, type BundleOwnership, type GrantPlan, type PartListPrice } from "@bezgelor/core";
import type { Prisma } from "../generated/prisma/client";
import { parseGrantsColumn } from "./store-offer-record.js";

/**
 * Every offer's (available or not) single-part list prices, for core's owned-parts step. Throws
 * what Prisma throws.
 */
export async function loadPartListPrices(tx: Prisma.TransactionClient): Promise<PartListPrice> {
  const rows = await tx.storeOffer.findMany({ select: { grants: true, pricePremium: true, priceBonus: true, priceGold: true } });
  return listPricesOfParts(
    rows.map((r) => ({
      grants: parseGrantsColumn(r.grants),
      prices: {
        ...(r.pricePremium === null ? {} : { premium: r.pricePremium }),
        ...(r.priceBonus === null ? {} : { bonus: r.priceBonus }),
        ...(r.priceGold === null ? {} : { gold: r.priceGold }),
      },
    })),
  );
}

/**
 * priceOffer's `bundle` for a buyer whose ownership of the offer's grants is `plan`: null when
 * the buyer owns none of them (or all: that purchase is refused), else the plan with the list
 * prices, read by `listPrices` (called only then, so an offer nobody partly owns reads nothing
 * more). Throws what `listPrices` throws.
 */
export async function bundlePricing(plan: GrantPlan, listPrices: () => Promise<PartListPrice>): Promise<BundleOwnership | null> {
  if (plan.owned.length === 0 || plan.missing.length === 0) return null;
  return { plan, listPrice: await listPrices() };
}
