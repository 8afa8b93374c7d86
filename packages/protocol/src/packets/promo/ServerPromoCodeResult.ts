import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** The outcome of a redemption, u8 in {@link ServerPromoCodeResult}. */
export const PROMO_CODE_RESULT = {
  Ok: 0,
  /** Unknown or disabled. */
  NotFound: 1,
  NotStarted: 2,
  Expired: 3,
  /** This account redeemed it before. */
  AlreadyRedeemed: 4,
  /** No uses left. */
  UsedUp: 5,
  /** Too many failed codes lately. */
  RateLimited: 6,
  /** A reward needs a character (gold, items, character-bound offers). */
  CharacterRequired: 7,
  Failed: 8,
} as const;

/** What a reward is, u4 in {@link ServerPromoCodeResult}. */
export const PROMO_REWARD_KIND = { Currency: 0, Mount: 1, Pet: 2, Title: 3, Item: 4, Offer: 5, VanityPet: 6 } as const;

/**
 * Extension 0xF061: the answer to ClientPromoCodeRedeem. `result` u8 ({@link PROMO_CODE_RESULT}),
 * `code` ws (as stored: trimmed, upper case), u8 count + rewards granted {`kind` u4
 * ({@link PROMO_REWARD_KIND}), `currencyId` u5 (`STORE_CURRENCY_ID` for a currency, else 0), `id`
 * u32 (the mount, pet, title, item, offer or vanity pet id; 0 for a currency), `amount` u64 (the currency
 * amount or item count; 1 otherwise)}, `message` ws for people. The balances, collections and
 * titles granted also arrive through their own packets.
 */
export const ServerPromoCodeResult = definePacket({
  name: "ServerPromoCodeResult",
  opcode: 0xf061,
  origin: "extension",
  direction: "server",
  fields: {
    result: t.u8,
    code: t.wstring({ max: 256 }),
    rewards: t.array(t.u8, t.struct({ kind: t.uint(4), currencyId: t.uint(5), id: t.u32, amount: t.u64 }), { max: 64 }),
    message: t.wstring({ max: 1024 }),
  },
});
