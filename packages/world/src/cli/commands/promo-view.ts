// Helpers shared by the `bezgelor promo ...` commands (promo-create, -list, -show, -disable,
// -redeem). Exit codes: 0 ok, 2 usage, 3 not found, 4 conflict (code taken, key reused),
// 5 unavailable, 6 refused (expired, used up, redeemed already, rate limited).
import type { PromoCodeRecord } from "@bezgelor/db";

/**
 * JSON with bigints as decimal strings and each object's keys in one order (`kind` first, then by
 * name), so a reward reads the same on the first redemption and on its replay, which comes back
 * from a JSON column with the keys in the database's order.
 */
export const json = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : ordered(v)));

function ordered(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value).sort((a, b) => (a === "kind" ? -1 : b === "kind" ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, (value as Record<string, unknown>)[key]]));
}

/** One line per code: text, kind, uses, state, window and rewards. */
export const promoLine = (p: PromoCodeRecord): string =>
  `${p.code}  ${p.kind}  ${p.uses}/${p.maxUses ?? "unlimited"} used${p.disabledAt ? "  DISABLED" : ""}${p.startsAt ? `  from ${p.startsAt.toISOString()}` : ""}${p.expiresAt ? `  until ${p.expiresAt.toISOString()}` : ""}  rewards ${json(p.rewards)}`;
