// Redeeming a promo code: one action whose transaction checks and counts every limit under the
// code row's lock (FOR UPDATE), so racers on one code queue and the uses never pass the maximum;
// the account row is locked first (FOR NO KEY UPDATE), so one account's attempts queue too and the
// rate limit sees each earlier failure. A refusal rolls everything back; the failed attempt is
// then recorded in its own small transaction for the rate limit.
import type { StoreGrant } from "@bezgelor/data";
import { z } from "zod";
import { defineAction, type ActionContext, type ActionOptions, type ActionResult } from "../actions/action.js";
import { runTransaction, type DbClient } from "../client.js";
import { unlockCollectible } from "../collections/unlock-collectible.js";
import { changeBalance } from "../currency/change-currency.js";
import { DB_ERROR_CODES, DbError, isDbError, toDbError, type DbErrorCode } from "../errors.js";
import { loadOffer } from "../store/store-offer-record.js";
import { applyGrants } from "../store/store-grants.js";
import { lockAccount } from "../titles/lock-account.js";
import { IdSchema, refuseUnshown } from "../validation.js";
import { MAX_PROMO_CODE_LENGTH, normalizePromoCode, PROMO_RATE_LIMIT, PromoCodeTextSchema, toPromoCodeRecord, type PromoReward } from "./promo-code-record.js";

const Input = z.object({
  accountId: IdSchema,
  /** The character redeeming it: required for gold, items and character-bound offers. */
  characterId: IdSchema.nullable().optional(),
  // Normalized here, so that a key's fingerprint is the same for "gift1" and " GIFT1 " (the same code).
  // No code holds a control character (PromoCodeTextSchema, at creation): one that does is refused
  // before anything is read or counted, and never reaches the failed-attempt record (a NUL cannot
  // be stored); it is no guess at a real code, so the rate limit has nothing to count.
  code: z.string().max(256).transform(normalizePromoCode).pipe(z.string().superRefine(refuseUnshown)),
});

/** What {@link redeemPromoCode} granted. */
export interface RedeemPromoCodeResult {
  codeId: number;
  code: string;
  rewards: PromoReward[];
}

/**
 * Refusals that count as a failed attempt for the rate limit: what guessing runs into. A code the
 * account already redeemed, or one used up by others, is a code it knows, not a guess: sending it
 * again must not lock the account out of a good code.
 */
const COUNTED_FAILURES: readonly DbErrorCode[] = [
  DB_ERROR_CODES.PROMO_CODE_NOT_FOUND,
  DB_ERROR_CODES.PROMO_CODE_NOT_STARTED,
  DB_ERROR_CODES.PROMO_CODE_EXPIRED,
];

async function grantRewards(ctx: ActionContext, rewards: readonly PromoReward[], accountId: number, characterId: number | null, code: string): Promise<void> {
  const target = { accountId, characterId, unlockSource: "promo", titleSource: "promo", ledgerSource: "promo", reason: `promo ${code}`.slice(0, 64) } as const;
  for (const reward of rewards) {
    if (reward.kind === "offer") {
      const offer = await loadOffer(ctx.tx, reward.offerId);
      await applyGrants(ctx, offer.grants, { ...target, accountWide: offer.accountWide });
    } else if (reward.kind === "currency" && reward.currency === "gold") {
      if (characterId === null)
        throw new DbError(DB_ERROR_CODES.STORE_CHARACTER_REQUIRED, `Code ${code} gives gold: a character must redeem it`, { details: { accountId } });
      await changeBalance(ctx, { currency: "gold", characterId, delta: reward.amount, reason: target.reason, source: "promo" });
    } else if (reward.kind === "vanity_pet") {
      // The store sells no vanity pets (no store grant for them): unlocked here, account-wide like a code's mount.
      await unlockCollectible.within(ctx, {
        scope: "account",
        accountId,
        characterId,
        collectibleType: "vanity_pet",
        collectibleId: reward.vanityPetId,
        source: "promo",
      });
    } else {
      await applyGrants(ctx, [reward as StoreGrant], { ...target, accountWide: true });
    }
  }
}

async function run(ctx: ActionContext, i: z.output<typeof Input>): Promise<RedeemPromoCodeResult> {
  const { tx, now } = ctx;
  const characterId = i.characterId ?? null;
  await lockAccount(tx, i.accountId);
  if (characterId !== null && (await tx.character.count({ where: { id: characterId, accountId: i.accountId } })) === 0) {
    throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId} on account ${i.accountId}`, {
      details: { characterId, accountId: i.accountId },
    });
  }
  const since = new Date(now.getTime() - PROMO_RATE_LIMIT.windowSeconds * 1000);
  const failures = await tx.promoAttempt.count({ where: { accountId: i.accountId, attemptedAt: { gt: since, lte: now } } });
  if (failures >= PROMO_RATE_LIMIT.maxFailures) {
    throw new DbError(DB_ERROR_CODES.PROMO_RATE_LIMITED, `Too many failed codes: ${failures} in ${PROMO_RATE_LIMIT.windowSeconds / 60} minutes`, {
      details: { accountId: i.accountId, failures, ...PROMO_RATE_LIMIT },
    });
  }
  const parsed = PromoCodeTextSchema.safeParse(i.code);
  const code = parsed.success ? parsed.data : i.code.slice(0, MAX_PROMO_CODE_LENGTH);
  const details = { code, accountId: i.accountId };
  const locked = parsed.success ? await tx.$queryRaw<Array<{ id: number }>>`SELECT "id" FROM "promo_codes" WHERE "code" = ${code} FOR UPDATE` : [];
  const row = locked[0] ? await tx.promoCode.findUniqueOrThrow({ where: { id: locked[0].id } }) : null;
  if (!row || row.disabledAt !== null) throw new DbError(DB_ERROR_CODES.PROMO_CODE_NOT_FOUND, `No promo code ${code}`, { details });
  const promo = toPromoCodeRecord(row);
  if (promo.startsAt !== null && now < promo.startsAt)
    throw new DbError(DB_ERROR_CODES.PROMO_CODE_NOT_STARTED, `Code ${code} starts at ${promo.startsAt.toISOString()}`, { details });
  if (promo.expiresAt !== null && now >= promo.expiresAt)
    throw new DbError(DB_ERROR_CODES.PROMO_CODE_EXPIRED, `Code ${code} expired at ${promo.expiresAt.toISOString()}`, { details });
  if ((await tx.promoRedemption.count({ where: { codeId: promo.id, accountId: i.accountId } })) > 0) {
    throw new DbError(DB_ERROR_CODES.PROMO_CODE_ALREADY_REDEEMED, `Account ${i.accountId} redeemed ${code} already`, { details });
  }
  if (promo.maxUses !== null && promo.uses >= promo.maxUses) throw new DbError(DB_ERROR_CODES.PROMO_CODE_EXHAUSTED, `Code ${code} is used up`, { details });
  await tx.promoCode.update({ where: { id: promo.id }, data: { uses: { increment: 1 } } });
  await tx.promoRedemption.create({ data: { codeId: promo.id, accountId: i.accountId, characterId, redeemedAt: now } });
  ctx.step("promo.counted");
  await grantRewards(ctx, promo.rewards, i.accountId, characterId, code);
  ctx.emit({ kind: "promo.redeemed", accountId: i.accountId, characterId, codeId: promo.id, code });
  return { codeId: promo.id, code, rewards: promo.rewards };
}

const redeemAction = defineAction({
  name: "promo.redeem",
  input: Input,
  idempotent: true,
  describe: (i) => `Redeeming a promo code for account ${i.accountId}`,
  run,
});

/**
 * Redeems a code (trimmed, case-insensitive) for an account (and the character, for gold, items
 * and character-bound offers): checks it exists and is not disabled, its start and expiry, that
 * the account has not redeemed it, and its uses (single use: 1 in total; multi use: `maxUses`;
 * per account: once per account, `maxUses` an optional total cap), counts the use and grants the
 * rewards, all in one transaction; emits the rewards' events and promo.redeemed. Failed attempts
 * are recorded and limited per account (PROMO_RATE_LIMIT). Idempotent with a key. Throws DbError
 * PROMO_RATE_LIMITED, PROMO_CODE_NOT_FOUND, PROMO_CODE_NOT_STARTED, PROMO_CODE_EXPIRED,
 * PROMO_CODE_ALREADY_REDEEMED, PROMO_CODE_EXHAUSTED, STORE_CHARACTER_REQUIRED,
 * STORE_OFFER_NOT_FOUND, BALANCE_OVERFLOW, INVENTORY_OVERFLOW, ACCOUNT_NOT_FOUND,
 * CHARACTER_NOT_FOUND, INVALID_INPUT (among others a code holding a control character, not
 * counted); nothing is granted or counted then.
 */
export async function redeemPromoCode(db: DbClient, options: ActionOptions & z.input<typeof Input>): Promise<ActionResult<RedeemPromoCodeResult>> {
  try {
    return await redeemAction(db, options);
  } catch (error) {
    if (isDbError(error) && COUNTED_FAILURES.includes(error.code)) {
      const now = options.now ?? new Date();
      const code = normalizePromoCode(options.code).slice(0, MAX_PROMO_CODE_LENGTH);
      // Not swallowed: if even this fails the database is in trouble, and the caller hears it (as a DbError).
      try {
        await runTransaction(db, (tx) =>
          tx.promoAttempt.create({ data: { accountId: options.accountId, code, reason: error.code.slice(0, 32), attemptedAt: now } }),
        );
      } catch (recording) {
        throw toDbError(recording, `Recording the failed attempt at promo code ${code}`);
      }
    }
    throw error;
  }
}
