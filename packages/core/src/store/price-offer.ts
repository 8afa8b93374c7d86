// The one pricing rule of the storefront. The catalog, the preview and the purchase all call
// priceOffer, so the price a player is shown is the price the player is charged.
//
// The order, for each unit of a purchase (unit k of n sits at place `sold + k` in the offer's demand
// sequence):
//   1. source price: the offer's own price in the currency, else its price in another currency with
//      an admin-set exchange rate (exchange.ts: premium, bonus, gold order);
//   2. demand: `min(ceil(base * (10000 + bp * place) / 10000), ceil(base * cap% / 100))` (demand.ts);
//   3. exchange: `ceil(amount * numerator / denominator)`;
//   4. promotion or daily deal: the best single one (largest percent; on a tie the daily deal, then
//      the promotion with the lowest id), `price - floor(price * percent / 100)`;
//   5. VIP: the account's tier percent for the offer's category (vip.ts), taken off what step 4
//      left the same way (so a promotion and VIP multiply, as Xsolla stacks discounts);
//   6. owned parts: for a bundle the buyer partly owns, the owned parts' share of what step 5 left,
//      rounded down (bundle-parts.ts), so only the parts it still grants are paid for;
// and the total is the sum of the units.
//
// One rounding rule: every step rounds to a whole amount in the store's favour, prices up and
// discounts down, so a final price never undercuts an advertised percent (a price of 1 stays 1
// below 100 %).
import { MAX_STORE_PRICE, type DemandPricing, type StoreCurrency, type VipTier } from "@bezgelor/data";
import type { Ok, Refused } from "../result";
import { ownedPartsDiscount, ownedShareOf, type BundleOwnership, type OwnedShare } from "./bundle-parts";
import { demandUnitPrice } from "./demand";
import { MIN_DISCOUNT_PERCENT } from "./discount-percent";
import { convertAmount, sourceOfPrice, type ExchangeRate } from "./exchange";
import { vipPercentFor } from "./vip";

/** What pricing needs of an offer. `prices` lists the currencies it is sold in. */
export interface PriceableOffer {
  readonly id: number;
  readonly categoryId: number;
  readonly prices: Readonly<Partial<Record<StoreCurrency, bigint>>>;
  /** Demand pricing; absent or null: the price never moves. */
  readonly demand?: DemandPricing | null;
}

/** What a promotion applies to. */
export type PromotionScope =
  | { readonly kind: "all" }
  /** The category and every category below it. */
  | { readonly kind: "category"; readonly categoryId: number }
  | { readonly kind: "offer"; readonly offerId: number };

/**
 * A promotion: `percent` (MIN_DISCOUNT_PERCENT..MAX_DISCOUNT_PERCENT, 1..100) off while
 * `startsAt <= now < endsAt`. A 0 % row written before that rule is no discount: not listed, not applied.
 */
export interface StorePromotion {
  readonly id: number;
  readonly name: string;
  readonly percent: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly scope: PromotionScope;
}

/** The daily deal of one UTC date (`YYYY-MM-DD`), `percent` off as for a promotion (1..100; an old 0 % row is ignored). */
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
  /** Units of the offer sold before this purchase (its place in the demand sequence); default 0. */
  readonly sold?: bigint;
  /** Units bought; default 1. */
  readonly quantity?: number;
  /** The buyer's VIP tier, if any. */
  readonly vip?: VipTier | null;
  /** Admin-set exchange rates in force. */
  readonly exchangeRates?: readonly ExchangeRate[];
  /** What the buyer owns of the offer's grants (step 6); absent or null: priced for someone who owns none of it. */
  readonly bundle?: BundleOwnership | null;
}

/** One unit of a purchase, step by step (see the order above). */
export interface UnitPrice {
  /** Units sold before it. */
  readonly place: bigint;
  /** After demand, in the source currency. */
  readonly demandPrice: bigint;
  /** After exchange, in the charged currency. */
  readonly converted: bigint;
  readonly promotionDiscount: bigint;
  readonly vipDiscount: bigint;
  /** The owned parts' share of a partly owned bundle (step 6). */
  readonly ownedDiscount: bigint;
  readonly price: bigint;
}

/** A priced offer. */
export type OfferPrice = Ok<{
  currency: StoreCurrency;
  /** The offer's listed price, in `sourceCurrency`. */
  basePrice: bigint;
  /** The currency of the listed price: `currency`, or the one exchanged from. */
  sourceCurrency: StoreCurrency;
  /** The rate used, or null when the offer is priced in `currency`. */
  exchange: ExchangeRate | null;
  quantity: number;
  /** Every discount in force, best first; `amount` is taken off the first unit's converted price. */
  discounts: readonly PriceDiscount[];
  /** The one that applies (best single), or null when none is above 0 %. */
  applied: PriceDiscount | null;
  /** The VIP tier and its percent for this offer, or null without a tier. */
  vip: { readonly tier: number; readonly name: string; readonly percent: number } | null;
  /** The parts of a bundle the buyer owns and their share of its price, or null when none is owned. */
  ownedShare: OwnedShare | null;
  units: readonly UnitPrice[];
  /** The first unit's price: what the catalog shows as the offer's price. */
  unitPrice: bigint;
  /** The sum of the units' prices: what the purchase charges. */
  finalPrice: bigint;
}>;

/**
 * Why an offer has no price: not in that currency (no price, no rate to it), or a unit would cost
 * more than MAX_STORE_PRICE there (an exchange rate or demand pushed it past what the client's
 * 32-bit float price shows exactly, so the price shown would not be the price charged).
 */
export const PRICE_REFUSAL = { NOT_PRICED_IN_CURRENCY: "not-priced-in-currency", PRICE_TOO_HIGH: "price-too-high" } as const;

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

function discountsInForce(input: PriceOfferInput, on: bigint): PriceDiscount[] {
  const { offer, now } = input;
  const discounts: PriceDiscount[] = [];
  for (const promotion of input.promotions) {
    if (promotion.percent < MIN_DISCOUNT_PERCENT) continue;
    if (!isPromotionActive(promotion, now) || !appliesTo(promotion.scope, offer, input.categoryParents)) continue;
    discounts.push({
      source: { kind: "promotion", promotionId: promotion.id, name: promotion.name },
      percent: promotion.percent,
      amount: discountAmount(on, promotion.percent),
      endsAt: promotion.endsAt,
    });
  }
  const deal = input.deal;
  if (deal !== null && deal.percent >= MIN_DISCOUNT_PERCENT && deal.offerId === offer.id && deal.date === utcDate(now)) {
    discounts.push({
      source: { kind: "daily-deal", date: deal.date },
      percent: deal.percent,
      amount: discountAmount(on, deal.percent),
      endsAt: nextUtcMidnight(deal.date),
    });
  }
  return discounts.sort(better);
}

/**
 * Prices `quantity` units of `offer` in `currency` at `now`, each at its place after `sold` in the
 * demand sequence, in the documented order (source price, demand, exchange, best promotion or daily
 * deal, VIP, owned parts of a bundle) with every step rounded in the store's favour. Refused with `not-priced-in-currency`
 * when the offer has neither a price in that currency nor a rate to it, and with `price-too-high`
 * when a unit would cost more than MAX_STORE_PRICE in it. Never throws (a quantity
 * below 1 counts as 1).
 */
export function priceOffer(input: PriceOfferInput): PriceOfferResult {
  const { offer, currency } = input;
  const source = sourceOfPrice(offer.prices, currency, input.exchangeRates ?? []);
  if (source === null) return { ok: false, reason: PRICE_REFUSAL.NOT_PRICED_IN_CURRENCY, currency };
  const quantity = Math.max(1, Math.trunc(input.quantity ?? 1));
  const sold = input.sold ?? 0n;
  const convert = (amount: bigint) => (source.rate ? convertAmount(amount, source.rate) : amount);
  const discounts = discountsInForce(input, convert(demandUnitPrice(source.base, offer.demand, sold)));
  const best = discounts[0];
  const applied = best !== undefined && best.percent > 0 ? best : null;
  const vipPercent = input.vip ? vipPercentFor(input.vip, offer.categoryId, input.categoryParents) : 0;
  const ownedShare = input.bundle ? ownedShareOf(input.bundle, source.currency) : null;
  const units: UnitPrice[] = [];
  let finalPrice = 0n;
  for (let k = 0; k < quantity; k++) {
    const place = sold + BigInt(k);
    const demandPrice = demandUnitPrice(source.base, offer.demand, place);
    const converted = convert(demandPrice);
    const promotionDiscount = discountAmount(converted, applied?.percent ?? 0);
    const vipDiscount = discountAmount(converted - promotionDiscount, vipPercent);
    const ownedDiscount = ownedPartsDiscount(converted - promotionDiscount - vipDiscount, ownedShare);
    const price = converted - promotionDiscount - vipDiscount - ownedDiscount;
    if (price > MAX_STORE_PRICE) return { ok: false, reason: PRICE_REFUSAL.PRICE_TOO_HIGH, currency };
    units.push({ place, demandPrice, converted, promotionDiscount, vipDiscount, ownedDiscount, price });
    finalPrice += price;
  }
  return {
    ok: true,
    currency,
    basePrice: source.base,
    sourceCurrency: source.currency,
    exchange: source.rate,
    quantity,
    discounts,
    applied,
    vip: input.vip ? { tier: input.vip.id, name: input.vip.name, percent: vipPercent } : null,
    ownedShare,
    units,
    unitPrice: units[0]!.price,
    finalPrice,
  };
}

/** A short label of a discount's source for history rows and logs: "promotion 3 (Winter Sale)", "daily deal 2026-12-01". */
export function describeDiscountSource(source: DiscountSource): string {
  return source.kind === "promotion" ? `promotion ${source.promotionId} (${source.name})`.slice(0, 96) : `daily deal ${source.date}`;
}
