// Demand pricing: the price of an offer rises with the units sold, never at random. The formula is
// linear in the unit's place (0 for the first unit ever sold), rounded up to a whole amount, and
// capped:
//
//   unitPrice(place) = min( ceil(base * (10000 + ratePerUnitBp * place) / 10000),
//                           ceil(base * capPercent / 100) )
//
// e.g. base 50 at 10 bp (0.1 %) per unit: units 0..9 cost 50, unit 10 costs ceil(50.5) = 51,
// unit 1000 costs 100 (the 200 % cap). A purchase of n units pays places sold .. sold + n - 1.
import type { DemandPricing } from "@bezgelor/data";

/** Ceiling of a non-negative `numerator / denominator` (`denominator` > 0). */
export function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/**
 * The price of the unit at `place` (units sold before it) of an offer whose base price is `base`
 * under `demand` (none: always `base`). Never throws; a negative place counts as 0.
 */
export function demandUnitPrice(base: bigint, demand: DemandPricing | null | undefined, place: bigint): bigint {
  if (!demand) return base;
  const at = place < 0n ? 0n : place;
  const raised = ceilDiv(base * (10_000n + BigInt(demand.ratePerUnitBp) * at), 10_000n);
  const cap = ceilDiv(base * BigInt(demand.capPercent), 100n);
  return raised < cap ? raised : cap;
}
