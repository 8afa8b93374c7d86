// Exchange rates: an offer priced in one currency bought in another. A rate converts `from` to `to`
// as `ceil(amount * numerator / denominator)` (a whole amount rounded in the store's favour, the
// one rounding rule of the store); rates are set by an admin and carry the version of that edit.
import { STORE_CURRENCY, type StoreCurrency } from "@bezgelor/data";
import { ceilDiv } from "./demand";

/** An admin-set rate: 1 `from` costs `numerator / denominator` `to`. */
export interface ExchangeRate {
  readonly from: StoreCurrency;
  readonly to: StoreCurrency;
  readonly numerator: bigint;
  readonly denominator: bigint;
  readonly version: number;
}

/** `amount` of `rate.from` in `rate.to`, rounded up. */
export function convertAmount(amount: bigint, rate: Pick<ExchangeRate, "numerator" | "denominator">): bigint {
  return ceilDiv(amount * rate.numerator, rate.denominator);
}

/**
 * How an offer with `prices` is bought in `currency`: its own price when it has one (no rate), else
 * the first of its currencies in {@link STORE_CURRENCY} order (premium, bonus, gold) with a rate to
 * `currency`. Null when neither exists.
 */
export function sourceOfPrice(
  prices: Readonly<Partial<Record<StoreCurrency, bigint>>>,
  currency: StoreCurrency,
  rates: readonly ExchangeRate[],
): { currency: StoreCurrency; base: bigint; rate: ExchangeRate | null } | null {
  const own = prices[currency];
  if (own !== undefined) return { currency, base: own, rate: null };
  for (const from of STORE_CURRENCY) {
    const base = prices[from];
    const rate = rates.find((r) => r.from === from && r.to === currency);
    if (base !== undefined && rate) return { currency: from, base, rate };
  }
  return null;
}
