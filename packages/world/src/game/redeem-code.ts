// Redeeming a promo code for the player in the world, shared by the ClientPromoCodeRedeem
// extension packet and the `!redeem CODE` chat command: one redeemPromoCode action (every limit
// checked and counted in its transaction, failed attempts rate limited per account), then the
// events (balances, collection unlocks, titles) are delivered.
import { CURRENCIES, type GameData } from "@bezgelor/data";
import { redeemPromoCode, type DbErrorCode, type PromoReward, type RedeemPromoCodeResult } from "@bezgelor/db";
import { PROMO_CODE_RESULT, PROMO_REWARD_KIND, type PacketValue, type ServerPromoCodeResult } from "@bezgelor/protocol";
import type { HandlerContext } from "../handlers/types";
import { playerActionOptions } from "./action-options";
import { STORE_CURRENCY_WIRE } from "./store-packets";

type PromoCodeResult = (typeof PROMO_CODE_RESULT)[keyof typeof PROMO_CODE_RESULT];

/** The ServerPromoCodeResult `result` each refusal of redeemPromoCode is told as; anything else propagates. */
export const PROMO_RESULT_BY_ERROR: Readonly<Partial<Record<DbErrorCode, PromoCodeResult>>> = {
  PROMO_CODE_NOT_FOUND: PROMO_CODE_RESULT.NotFound,
  INVALID_INPUT: PROMO_CODE_RESULT.NotFound,
  PROMO_CODE_NOT_STARTED: PROMO_CODE_RESULT.NotStarted,
  PROMO_CODE_EXPIRED: PROMO_CODE_RESULT.Expired,
  PROMO_CODE_ALREADY_REDEEMED: PROMO_CODE_RESULT.AlreadyRedeemed,
  PROMO_CODE_EXHAUSTED: PROMO_CODE_RESULT.UsedUp,
  PROMO_RATE_LIMITED: PROMO_CODE_RESULT.RateLimited,
  STORE_CHARACTER_REQUIRED: PROMO_CODE_RESULT.CharacterRequired,
  STORE_OFFER_NOT_FOUND: PROMO_CODE_RESULT.Failed,
  BALANCE_OVERFLOW: PROMO_CODE_RESULT.Failed,
  INVENTORY_OVERFLOW: PROMO_CODE_RESULT.Failed,
};

/**
 * Redeems `code` for the session's account and character and delivers what it granted. Returns
 * what redeemPromoCode returned. Throws its DbErrors (PROMO_CODE_NOT_FOUND, PROMO_CODE_EXPIRED,
 * PROMO_CODE_EXHAUSTED, PROMO_CODE_ALREADY_REDEEMED, PROMO_RATE_LIMITED, ...); nothing is
 * granted then.
 */
export async function redeemCode(ctx: HandlerContext, code: string): Promise<RedeemPromoCodeResult> {
  const { session, services } = ctx;
  const { result } = await redeemPromoCode(services.db, {
    ...playerActionOptions(ctx),
    accountId: session.requireAccount().id,
    characterId: session.requireCharacter().id,
    code,
  });
  session.logger.info({ codeId: result.codeId, code: result.code, rewards: result.rewards.length }, "promo code redeemed");
  await services.events.flush();
  return result;
}

/** A reward as ServerPromoCodeResult carries it. */
export function wireReward(reward: PromoReward): PacketValue<typeof ServerPromoCodeResult>["rewards"][number] {
  switch (reward.kind) {
    case "currency":
      return { kind: PROMO_REWARD_KIND.Currency, currencyId: STORE_CURRENCY_WIRE[reward.currency], id: 0, amount: reward.amount };
    case "mount":
      return { kind: PROMO_REWARD_KIND.Mount, currencyId: 0, id: reward.mountId, amount: 1n };
    case "pet":
      return { kind: PROMO_REWARD_KIND.Pet, currencyId: 0, id: reward.petId, amount: 1n };
    case "vanity_pet":
      return { kind: PROMO_REWARD_KIND.VanityPet, currencyId: 0, id: reward.vanityPetId, amount: 1n };
    case "title":
      return { kind: PROMO_REWARD_KIND.Title, currencyId: 0, id: reward.titleId, amount: 1n };
    case "item":
      return { kind: PROMO_REWARD_KIND.Item, currencyId: 0, id: reward.itemId, amount: BigInt(reward.count) };
    case "offer":
      return { kind: PROMO_REWARD_KIND.Offer, currencyId: 0, id: reward.offerId, amount: 1n };
  }
}

/** "250 NCoin, mount Woolie, item 40001 x2": the rewards in words. */
export function describeRewards(data: GameData, rewards: readonly PromoReward[]): string {
  return rewards
    .map((r) => {
      switch (r.kind) {
        case "currency":
          return `${r.amount} ${CURRENCIES[r.currency].displayName}`;
        case "mount":
          return `mount ${data.mounts.get(r.mountId)?.name ?? `#${r.mountId}`}`;
        case "pet":
          return `pet ${data.pets.get(r.petId)?.name ?? `#${r.petId}`}`;
        case "vanity_pet":
          return `vanity pet ${data.vanityPets.get(r.vanityPetId)?.name ?? `#${r.vanityPetId}`}`;
        case "title":
          return `title ${data.titles.get(r.titleId)?.name ?? `#${r.titleId}`}`;
        case "item":
          return `item ${data.items.get(r.itemId)?.name ?? `#${r.itemId}`} x${r.count}`;
        case "offer":
          return `offer ${r.offerId}`;
      }
    })
    .join(", ");
}
