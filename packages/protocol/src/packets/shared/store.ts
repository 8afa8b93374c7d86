import { t } from "../../schema/types";
import { ACCOUNT_CURRENCY_TYPE } from "../currency/ServerAccountCurrencySet";
import { identity } from "./identity";

/**
 * The 5-bit currency id of the storefront packets (an offer's currency entries, the purchase
 * requests, the purchase history). The genuine values are AccountCurrencyType
 * (NexusForever `Source/NexusForever.Game.Static/Account/AccountCurrencyType.cs`): 11, which the
 * client shows as NCoin (the premium currency), and 6, Omnibits (the bonus currency). `Credits` 31
 * is this server's own value for a price in gold, outside the genuine enum (0..18), because the
 * genuine store sells only for account currencies: the genuine client ignores what it does not
 * know, the headless client buys with it.
 */
export const STORE_CURRENCY_ID = {
  Omnibits: ACCOUNT_CURRENCY_TYPE.Omnibits,
  NCoin: ACCOUNT_CURRENCY_TYPE.NCoin,
  Credits: 31,
} as const;

/**
 * What both purchase requests start with, the 225-bit layout (NexusForever pull request 411
 * `Source/NexusForever.WorldServer/Network/Message/Model/Shared/StorefrontPurchase.cs`; mainline's
 * `Source/NexusForever.Network.World/Message/Model/ClientStorefrontPurchaseCharacter.cs` reads the
 * same bits as 157 with narrower fields, whose "currency 1408 / 768" comment is 11 << 7 / 6 << 7 of
 * this layout; protocol-next.md 2e): `offerId` u32, `currencyId` u5 ({@link STORE_CURRENCY_ID}),
 * `price` f32 (the price the client showed: the currency entry's `price` in ServerStoreOffers),
 * `unknown0` u14, `categoryId` u32 (named so by another NexusForever revision's
 * StorePurchaseRequest), `target` identity (realm u14, character u64), and `transactionId` u32,
 * which NexusForever leaves unnamed: this server reads it as the client's id for the purchase and
 * uses it as the purchase's idempotency key (a retry carries the same value; 0 means none). That
 * reading is not confirmed by a capture.
 */
export const storefrontPurchase = t.struct({
  offerId: t.u32,
  currencyId: t.uint(5),
  price: t.f32,
  unknown0: t.uint(14),
  categoryId: t.u32,
  target: identity,
  transactionId: t.u32,
});
