// Per-account purchase limits count the units bought since the start of the period that contains
// `now`: the UTC day, the ISO week (Monday 00:00 UTC), or ever. A limit is not given back by a
// refund (Xsolla's rule: it would allow refund-and-rebuy loops).
import type { PurchaseLimitPeriod } from "@bezgelor/data";

/** Where the period containing `now` starts; null for `lifetime` (no start: every purchase counts). */
export function purchaseLimitWindowStart(period: PurchaseLimitPeriod, now: Date): Date | null {
  if (period === "lifetime") return null;
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (period === "daily") return new Date(day);
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * 86_400_000);
}
