// A bundle the buyer partly owns. The parts owned already (mounts, pets, titles: ownership.ts) are
// not granted again, so they are not charged for either: the economy anchors list "owned mounts
// charged again" among the original's bugs, and the seeds only say a bundle grants each part. The
// buyer pays the bundle's price less the owned parts' share of it:
//   share  = worth(owned parts) / worth(all parts)
//   worth  = each part's list price (the lowest base price, in the bundle's source currency, of an
//            offer that sells exactly that part alone), when every part has one; else every part
//            counts the same (1)
//   price  = unit price - floor(unit price * owned worth / total worth)
// Weighting by list price keeps a bundle's own saving: the rest costs less than its parts alone.
// The reduction rounds down (the store's favour, as every discount does), and a bundle with any
// part still to grant never costs 0 unless a discount made it free.
import type { StoreCurrency, StoreGrant } from "@bezgelor/data";
import type { GrantPlan } from "./ownership";

/** A part's list price in `currency`, or undefined when no offer sells it alone in that currency. */
export type PartListPrice = (part: StoreGrant, currency: StoreCurrency) => bigint | undefined;

/** What pricing needs to know about a bundle the buyer partly owns. */
export interface BundleOwnership {
  /** The offer's grants split by what the buyer owns (core planGrants). */
  readonly plan: GrantPlan;
  /** The parts' list prices (see {@link listPricesOfParts}); absent: every part counts the same. */
  readonly listPrice?: PartListPrice;
}

/** The owned parts' share of a bundle. */
export interface OwnedShare {
  readonly owned: readonly StoreGrant[];
  readonly ownedWorth: bigint;
  readonly totalWorth: bigint;
  /** How parts were weighed: by their list prices, or equally (some part has none). */
  readonly weighting: "list-price" | "equal";
}

/** What of an offer gives its parts list prices: its grants and its base prices. */
export interface PartSource {
  readonly grants: readonly StoreGrant[];
  readonly prices: Readonly<Partial<Record<StoreCurrency, bigint>>>;
}

function sameGrant(a: StoreGrant, b: StoreGrant): boolean {
  switch (a.kind) {
    case "mount":
      return b.kind === "mount" && a.mountId === b.mountId;
    case "pet":
      return b.kind === "pet" && a.petId === b.petId;
    case "title":
      return b.kind === "title" && a.titleId === b.titleId;
    case "item":
      return b.kind === "item" && a.itemId === b.itemId && a.count === b.count;
    case "currency":
      return b.kind === "currency" && a.currency === b.currency && a.amount === b.amount;
  }
}

/**
 * The list price of a part: the lowest base price in `currency` among `offers` that grant exactly
 * that part and nothing else (available or not: a list price does not change when an offer is
 * withdrawn). Never throws.
 */
export function listPricesOfParts(offers: readonly PartSource[]): PartListPrice {
  const singles = offers.filter((o) => o.grants.length === 1);
  return (part, currency) => {
    let lowest: bigint | undefined;
    for (const offer of singles) {
      const price = offer.prices[currency];
      if (price !== undefined && sameGrant(offer.grants[0]!, part) && (lowest === undefined || price < lowest)) lowest = price;
    }
    return lowest;
  };
}

/**
 * The owned parts' share of a bundle priced in `currency` (its source currency), or null when the
 * buyer owns none of it, or all of it (then the purchase is refused as owned). Never throws.
 */
export function ownedShareOf(bundle: BundleOwnership, currency: StoreCurrency): OwnedShare | null {
  const { owned, missing } = bundle.plan;
  if (owned.length === 0 || missing.length === 0) return null;
  const parts = [...owned, ...missing];
  const prices = parts.map((part) => bundle.listPrice?.(part, currency));
  const listed = prices.every((p): p is bigint => p !== undefined && p > 0n);
  const worth = (i: number): bigint => (listed ? prices[i]! : 1n);
  let ownedWorth = 0n;
  let totalWorth = 0n;
  parts.forEach((_, i) => {
    totalWorth += worth(i);
    if (i < owned.length) ownedWorth += worth(i);
  });
  return { owned, ownedWorth, totalWorth, weighting: listed ? "list-price" : "equal" };
}

/** `floor(price * ownedWorth / totalWorth)`: what the owned parts take off `price`; 0 without a share. */
export function ownedPartsDiscount(price: bigint, share: OwnedShare | null): bigint {
  return share === null ? 0n : (price * share.ownedWorth) / share.totalWorth;
}
