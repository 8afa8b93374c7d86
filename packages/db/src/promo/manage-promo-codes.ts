// Operators' promo code commands: create, list, show, disable.
import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isUniqueViolation, toDbError } from "../errors.js";
import { requireDefinition } from "../actions/definition.js";
import type { GameRules } from "../actions/action.js";
import { loadOffer } from "../store/store-offer-record.js";
import { parseInput } from "../validation.js";
import {
  PROMO_CODE_KINDS,
  PromoCodeTextSchema,
  PromoRewardSchema,
  rewardsToJson,
  toPromoCodeRecord,
  type PromoCodeRecord,
  type PromoReward,
} from "./promo-code-record.js";

/** What makes two rewards the same thing: a currency, an item, or one collectible, title or offer (amounts and counts aside). */
function rewardKey(reward: PromoReward): string {
  const { amount: _amount, count: _count, ...what } = reward as PromoReward & { amount?: bigint; count?: number };
  return JSON.stringify(what);
}

const CreateInput = z
  .object({
    code: PromoCodeTextSchema,
    kind: z.enum(PROMO_CODE_KINDS),
    /** multi_use: required; per_account: optional total cap; single_use: 1 (or omitted). */
    maxUses: z.number().int().min(1).max(2147483647).optional(),
    rewards: z.array(PromoRewardSchema).min(1).max(10),
    startsAt: z.date().optional(),
    expiresAt: z.date().optional(),
  })
  .refine((c) => c.kind !== "multi_use" || c.maxUses !== undefined, { message: "is required for a multi-use code", path: ["maxUses"] })
  .refine((c) => c.kind !== "single_use" || (c.maxUses ?? 1) === 1, { message: "a single-use code is used once", path: ["maxUses"] })
  .refine((c) => !c.startsAt || !c.expiresAt || c.startsAt < c.expiresAt, { message: "must be after startsAt", path: ["expiresAt"] })
  .refine((c) => new Set(c.rewards.map(rewardKey)).size === c.rewards.length, {
    message: "lists the same reward twice (one entry per currency, item, mount, pet, title or offer; add the amounts)",
    path: ["rewards"],
  });

/** The input of {@link createPromoCode}. */
export type CreatePromoCodeInput = z.input<typeof CreateInput>;

/** What {@link createPromoCode} checks a code against: the game data, and the clock (tests). */
export interface PromoCodeContext {
  rules: GameRules;
  now?: Date;
}

/**
 * Creates a code (stored trimmed, upper case). A code that could never be redeemed is refused:
 * a reward the game data or the store does not define (UNKNOWN_GAME_DATA, STORE_OFFER_NOT_FOUND)
 * or an expiry not after `now` (INVALID_INPUT), and so is a reward listed twice (INVALID_INPUT). Throws DbError INVALID_INPUT, PROMO_CODE_TAKEN
 * (the same text exists, compared case-insensitively).
 */
export async function createPromoCode(db: DbClient, options: CreatePromoCodeInput, context: PromoCodeContext): Promise<PromoCodeRecord> {
  const c = parseInput(CreateInput, options);
  const now = context.now ?? new Date();
  if (c.expiresAt && c.expiresAt <= now) {
    throw new DbError(DB_ERROR_CODES.INVALID_INPUT, `expiresAt: ${c.expiresAt.toISOString()} is not after now (${now.toISOString()}); nobody could redeem it`, {
      details: { field: "expiresAt" },
    });
  }
  await requireKnownRewards(db, c.rewards, context.rules);
  try {
    const row = await db.promoCode.create({
      data: {
        code: c.code,
        kind: c.kind,
        maxUses: c.kind === "single_use" ? 1 : (c.maxUses ?? null),
        rewards: rewardsToJson(c.rewards),
        startsAt: c.startsAt ?? null,
        expiresAt: c.expiresAt ?? null,
      },
    });
    return toPromoCodeRecord(row);
  } catch (error) {
    if (isUniqueViolation(error, "promo_codes_code_key", ["code"])) {
      throw new DbError(DB_ERROR_CODES.PROMO_CODE_TAKEN, `Promo code ${c.code} exists already`, { details: { code: c.code } });
    }
    throw toDbError(error, `Creating promo code ${c.code} failed`);
  }
}

async function requireKnownRewards(db: DbClient, rewards: readonly PromoReward[], rules: GameRules): Promise<void> {
  const { data } = rules;
  for (const reward of rewards) {
    if (reward.kind === "mount") requireDefinition(data.mounts, "mount", reward.mountId);
    else if (reward.kind === "pet") requireDefinition(data.pets, "pet", reward.petId);
    else if (reward.kind === "vanity_pet") requireDefinition(data.vanityPets, "vanity pet", reward.vanityPetId);
    else if (reward.kind === "title") requireDefinition(data.titles, "title", reward.titleId);
    else if (reward.kind === "item") requireDefinition(data.items, "item", reward.itemId);
    else if (reward.kind === "offer") {
      try {
        await loadOffer(db, reward.offerId);
      } catch (error) {
        throw toDbError(error, `Reading store offer ${reward.offerId} failed`);
      }
    }
  }
}

/** Every code, newest first. */
export async function listPromoCodes(db: DbClient): Promise<PromoCodeRecord[]> {
  try {
    return (await db.promoCode.findMany({ orderBy: { id: "desc" } })).map(toPromoCodeRecord);
  } catch (error) {
    throw toDbError(error, "Listing promo codes failed");
  }
}

/** The code (compared trimmed, case-insensitively), or null. Throws DbError INVALID_INPUT. */
export async function getPromoCode(db: DbClient, options: { code: string }): Promise<PromoCodeRecord | null> {
  const code = parseInput(PromoCodeTextSchema, options.code);
  try {
    const row = await db.promoCode.findUnique({ where: { code } });
    return row ? toPromoCodeRecord(row) : null;
  } catch (error) {
    throw toDbError(error, `Reading promo code ${code} failed`);
  }
}

/** Disables a code at `now` (redeeming it is then PROMO_CODE_NOT_FOUND); idempotent. Throws DbError PROMO_CODE_NOT_FOUND. */
export async function disablePromoCode(db: DbClient, options: { code: string; now?: Date }): Promise<PromoCodeRecord> {
  const code = parseInput(PromoCodeTextSchema, options.code);
  try {
    const rows = await db.promoCode.updateManyAndReturn({ where: { code, disabledAt: null }, data: { disabledAt: options.now ?? new Date() } });
    const row = rows[0] ?? (await db.promoCode.findUnique({ where: { code } }));
    if (!row) throw new DbError(DB_ERROR_CODES.PROMO_CODE_NOT_FOUND, `No promo code ${code}`, { details: { code } });
    return toPromoCodeRecord(row);
  } catch (error) {
    throw toDbError(error, `Disabling promo code ${code} failed`);
  }
}
