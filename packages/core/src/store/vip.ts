// VIP tiers: an account's tier follows from its lifetime premium spend in the store (the highest
// tier whose threshold it reached), unless an admin set one; the tier's discount is the percent of
// the nearest category listed for it (the offer's own, then its parent, ...), else the tier's
// discount on everything.
import type { VipTier } from "@bezgelor/data";

/** The tier an account is in: `override` (admin-set, a tier id or 0 for none) when given, else by spend. Null: no tier. */
export function vipTierFor(tiers: readonly VipTier[], lifetimePremiumSpend: bigint, override: number | null = null): VipTier | null {
  if (override !== null) return tiers.find((t) => t.id === override) ?? null;
  let best: VipTier | null = null;
  for (const tier of tiers) {
    if (lifetimePremiumSpend >= tier.lifetimePremiumSpend && (best === null || tier.lifetimePremiumSpend > best.lifetimePremiumSpend)) best = tier;
  }
  return best;
}

/** The tier's discount percent for an offer in `categoryId`, walking up `parents`. */
export function vipPercentFor(tier: VipTier, categoryId: number, parents: ReadonlyMap<number, number | null>): number {
  const seen = new Set<number>();
  for (let at: number | null | undefined = categoryId; at !== null && at !== undefined && !seen.has(at); at = parents.get(at)) {
    const listed = tier.categoryDiscounts.find((d) => d.categoryId === at);
    if (listed) return listed.percent;
    seen.add(at);
  }
  return tier.discountPercent;
}

/** Tier ids from the lowest up to `tier` (the ladder whose one-time rewards an account at `tier` has earned). */
export function vipTiersUpTo(tiers: readonly VipTier[], tier: VipTier | null): VipTier[] {
  if (tier === null) return [];
  return tiers.filter((t) => t.lifetimePremiumSpend <= tier.lifetimePremiumSpend).sort((a, b) => a.id - b.id);
}
