// The one pricing rule of the storefront. The catalog preview and the purchase both call
// priceOffer, so the price a player is shown is the price the player is charged.
//
// Rounding: a discount is `floor(base * percent / 100)`, a whole amount rounded down, so the final
// price `base - discount` never undercuts the advertised percent (a price of 1 stays 1 below 100 %).
// Combination: discounts never stack; the best single discount applies (largest percent; on a tie
// the daily deal, then the promotion with the lowest id). Every discount that was in force is listed.
import type { StoreCurrency } from "@bezgelor/data";
import type { Ok, Refused } from "../result";

/** What pricing needs of an offer. `prices` lists the currencies it is sold in. */
export interface PriceableOffer {
  readonly id: number;
  readonly categoryId: number;
  readonly prices: Readonly<Partial<Record<StoreCurrency, bigint>>>;
}

/** What a promotion applies to. */
export type PromotionScope =
  | { readonly kind: "all" }
  /** The category and every category below it. */
  | { readonly kind: "category"; readonly categoryId: number }
  | { readonly kind: "offer"; readonly offerId: number };

/** A promotion: `percent` (0..100) off while `startsAt <= now < endsAt`. */
export interface StorePromotion {
  readonly id: number;
  readonly name: string;
  readonly percent: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly scope: PromotionScope;
}

/** The daily deal of one UTC date (`YYYY-MM-DD`). */
export interface StoreDailyDeal {
  readonly date: string;
  readonly offerId: number;
  readonly percent: number;
}

/** Where a discount came from. */
export type DiscountSource =
  { readonly kind: "promotion"; readonly promotionId: number; readonly name: string } | { readonly kind: "daily-deal"; readonly date: string };

/** One discount in force for the offer at `now`. */
export interface PriceDiscount {
  readonly source: DiscountSource;
  readonly percent: number;
  /** `floor(base * percent / 100)`. */
  readonly amount: bigint;
  /** When it stops applying (the promotion's end, or the next UTC midnight for the daily deal). */
  readonly endsAt: Date;
}

/** Everything {@link priceOffer} needs. */
export interface PriceOfferInput {
  readonly offer: PriceableOffer;
  readonly currency: StoreCurrency;
  readonly now: Date;
  /** Promotions to consider (inactive ones are ignored). */
  readonly promotions: readonly StorePromotion[];
  /** The daily deal of `now`'s UTC date, if any (a deal of another date is ignored). */
  readonly deal: StoreDailyDeal | null;
  /** Each category's parent (absent or null at the top), for category-scoped promotions. */
  readonly categoryParents: ReadonlyMap<number, number | null>;
}

/** A priced offer. */
export type OfferPrice = Ok<{
  currency: StoreCurrency;
  basePrice: bigint;
  /** Every discount in force, best first. */
  discounts: readonly PriceDiscount[];
  /** The one that applies (best single), or null when none is above 0 %. */
  applied: PriceDiscount | null;
  finalPrice: bigint;
}>;

/** Why an offer has no price. */
export const PRICE_REFUSAL = { NOT_PRICED_IN_CURRENCY: "not-priced-in-currency" } as const;

/** The result of {@link priceOffer}. */
export type PriceOfferResult = OfferPrice | Refused<(typeof PRICE_REFUSAL)[keyof typeof PRICE_REFUSAL], { currency: StoreCurrency }>;

/** The UTC date of `at` as `YYYY-MM-DD` (daily deals are per UTC date). */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** True while `now` is inside the promotion's window: first second included, `endsAt` excluded. */
export function isPromotionActive(promotion: Pick<StorePromotion, "startsAt" | "endsAt">, now: Date): boolean {
  return promotion.startsAt.getTime() <= now.getTime() && now.getTime() < promotion.endsAt.getTime();
}

/** `floor(base * percent / 100)` for a percent clamped to 0..100. */
export function discountAmount(base: bigint, percent: number): bigint {
  const p = BigInt(Math.min(100, Math.max(0, Math.trunc(percent))));
  return (base * p) / 100n;
}

function inCategory(categoryId: number, target: number, parents: ReadonlyMap<number, number | null>): boolean {
  const seen = new Set<number>();
  for (let at: number | null | undefined = categoryId; at !== null && at !== undefined && !seen.has(at); at = parents.get(at)) {
    if (at === target) return true;
    seen.add(at);
  }
  return false;
}

function appliesTo(scope: PromotionScope, offer: PriceableOffer, parents: ReadonlyMap<number, number | null>): boolean {
  switch (scope.kind) {
    case "all":
      return true;
    case "offer":
      return scope.offerId === offer.id;
    case "category":
      return inCategory(offer.categoryId, scope.categoryId, parents);
  }
}

function nextUtcMidnight(date: string): Date {
  const d = new Date(`${date}T00:00:00.000Z`);
  return new Date(d.getTime() + 86_400_000);
}

/** Best first: larger percent; on a tie the daily deal, then the lower promotion id. */
function better(a: PriceDiscount, b: PriceDiscount): number {
  if (a.percent !== b.percent) return b.percent - a.percent;
  const rank = (d: PriceDiscount) => (d.source.kind === "daily-deal" ? -1 : d.source.promotionId);
  return rank(a) - rank(b);
}

/**
 * Prices `offer` in `currency` at `now`: the base price, every discount in force (active promotions
 * whose scope covers the offer, and the daily deal when it is for this offer and `now`'s UTC date),
 * the best single one applied, and the final price `base - floor(base * percent / 100)`. Refused
 * with `not-priced-in-currency` when the offer has no price in that currency. Never throws.
 */
export function priceOffer(input: PriceOfferInput): PriceOfferResult {
  const { offer, currency, now } = input;
  const basePrice = offer.prices[currency];
  if (basePrice === undefined) return { ok: false, reason: PRICE_REFUSAL.NOT_PRICED_IN_CURRENCY, currency };
  const discounts: PriceDiscount[] = [];
  for (const promotion of input.promotions) {
    if (!isPromotionActive(promotion, now) || !appliesTo(promotion.scope, offer, input.categoryParents)) continue;
    discounts.push({
      source: { kind: "promotion", promotionId: promotion.id, name: promotion.name },
      percent: promotion.percent,
      amount: discountAmount(basePrice, promotion.percent),
      endsAt: promotion.endsAt,
    });
  }
  const deal = input.deal;
  if (deal !== null && deal.offerId === offer.id && deal.date === utcDate(now)) {
    discounts.push({
      source: { kind: "daily-deal", date: deal.date },
      percent: deal.percent,
      amount: discountAmount(basePrice, deal.percent),
      endsAt: nextUtcMidnight(deal.date),
    });
  }
  discounts.sort(better);
  const best = discounts[0];
  const applied = best !== undefined && best.percent > 0 ? best : null;
  return { ok: true, currency, basePrice, discounts, applied, finalPrice: basePrice - (applied?.amount ?? 0n) };
}

/** A short label of a discount's source for history rows and logs: "promotion 3 (Winter Sale)", "daily deal 2026-12-01". */
export function describeDiscountSource(source: DiscountSource): string {
  return source.kind === "promotion" ? `promotion ${source.promotionId} (${source.name})`.slice(0, 96) : `daily deal ${source.date}`;
}
