import { z } from "zod";
import { AmountSchema, ClientIdSchema, IdSchema, refuseUnshown } from "../validation.js";

/** The seed's three kinds: once in total, up to `maxUses` in total, once per account (optional total cap). */
export const PROMO_CODE_KINDS = ["single_use", "multi_use", "per_account"] as const;
/** One of {@link PROMO_CODE_KINDS}. */
export type PromoCodeKind = (typeof PROMO_CODE_KINDS)[number];

/**
 * Failed redemptions allowed per account in a sliding window before PROMO_RATE_LIMITED: 5 in 15
 * minutes. A failure is an unknown, disabled, not yet started, expired, used up or already
 * redeemed code; being rate limited is not itself counted.
 */
export const PROMO_RATE_LIMIT = { maxFailures: 5, windowSeconds: 900 } as const;

/** The most units of an item one promo reward grants. */
export const MAX_PROMO_ITEM_COUNT = 1000;

/** What a code grants. */
export const PromoRewardSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("currency"), currency: z.enum(["premium", "bonus", "gold"]), amount: AmountSchema }),
  z.object({ kind: z.literal("mount"), mountId: IdSchema }),
  z.object({ kind: z.literal("pet"), petId: IdSchema }),
  z.object({ kind: z.literal("vanity_pet"), vanityPetId: IdSchema }),
  z.object({ kind: z.literal("title"), titleId: ClientIdSchema }),
  z.object({ kind: z.literal("item"), itemId: IdSchema, count: z.number().int().min(1).max(MAX_PROMO_ITEM_COUNT).default(1) }),
  z.object({ kind: z.literal("offer"), offerId: IdSchema }),
]);

/** One reward of a code. */
export type PromoReward = z.output<typeof PromoRewardSchema>;
const PromoRewardsSchema = z.array(PromoRewardSchema);

/** Codes are compared trimmed and case-insensitively: stored and looked up in upper case. */
export function normalizePromoCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The longest promo code, in characters after trimming. */
export const MAX_PROMO_CODE_LENGTH = 64;

/**
 * A code's text: 1..MAX_PROMO_CODE_LENGTH characters after trimming, nothing chat would refuse
 * (core `unshownCharacter`: control characters, bidirectional overrides), as players see and type it.
 */
export const PromoCodeTextSchema = z
  .string()
  .transform(normalizePromoCode)
  .pipe(z.string().min(1, "must not be empty").max(MAX_PROMO_CODE_LENGTH, `must be at most ${MAX_PROMO_CODE_LENGTH} characters`).superRefine(refuseUnshown));

/** A promo code as stored. */
export interface PromoCodeRecord {
  id: number;
  code: string;
  kind: PromoCodeKind;
  maxUses: number | null;
  uses: number;
  rewards: PromoReward[];
  startsAt: Date | null;
  expiresAt: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
}

/** Converts a row. */
export function toPromoCodeRecord(row: {
  id: number;
  code: string;
  kind: string;
  maxUses: number | null;
  uses: number;
  rewards: unknown;
  startsAt: Date | null;
  expiresAt: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
}): PromoCodeRecord {
  return { ...row, kind: row.kind as PromoCodeKind, rewards: PromoRewardsSchema.parse(fromJson(row.rewards)) };
}

// Amounts are stored as decimal strings (JSON has no bigint).
function fromJson(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return (value as unknown[]).map((r: unknown) => (typeof r === "object" && r !== null && "amount" in r ? { ...r, amount: BigInt(String(r.amount)) } : r));
}

/** Rewards as stored (amounts as strings). */
export function rewardsToJson(rewards: readonly PromoReward[]): Array<Record<string, string | number>> {
  return rewards.map((r) => (r.kind === "currency" ? { ...r, amount: r.amount.toString() } : { ...r }));
}
