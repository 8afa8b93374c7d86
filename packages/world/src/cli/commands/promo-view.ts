// Helpers shared by the `bezgelor promo ...` commands (promo-create, -list, -show, -disable,
// -redeem). Exit codes: 0 ok, 2 usage, 3 not found, 4 conflict (code taken, key reused),
// 5 unavailable, 6 refused (expired, used up, redeemed already, rate limited).
import type { PromoCodeRecord } from "@bezgelor/db";

/** JSON with bigints as decimal strings. */
export const json = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

/** One line per code: text, kind, uses, state, window and rewards. */
export const promoLine = (p: PromoCodeRecord): string =>
  `${p.code}  ${p.kind}  ${p.uses}/${p.maxUses ?? "unlimited"} used${p.disabledAt ? "  DISABLED" : ""}${p.startsAt ? `  from ${p.startsAt.toISOString()}` : ""}${p.expiresAt ? `  until ${p.expiresAt.toISOString()}` : ""}  rewards ${json(p.rewards)}`;
