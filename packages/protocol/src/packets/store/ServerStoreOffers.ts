import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** DiscountType, 2 bits (NexusForever `Source/NexusForever.Game.Static/Storefront/DiscountType.cs`). */
export const DISCOUNT_TYPE = { None: 0, Fixed: 1, Percentage: 2 } as const;

/**
 * One currency an offer is sold in (NexusForever `Model/ServerStoreOffers.cs`, class
 * OfferCurrencyData): `currencyId` u5 (`STORE_CURRENCY_ID`), `price` f32, the price to pay (after
 * the discount: NexusForever's `OfferItemPrice.GetCurrencyValue` recovers the full price from it
 * and the percent), `discountType` u2 ({@link DISCOUNT_TYPE}), `discountValue` f32 (the percent for
 * Percentage), `discountTimeRemaining` i64 (above 0 turns the discount on; this server sends the
 * seconds until it ends, -1 without one) and `timeSinceExpiry` i64.
 */
const storeOfferCurrency = t.struct({
  currencyId: t.uint(5),
  price: t.f32,
  discountType: t.uint(2),
  discountValue: t.f32,
  discountTimeRemaining: t.i64,
  timeSinceExpiry: t.i64,
});

/**
 * One thing an offer contains (NexusForever `Model/ServerStoreOffers.cs`, class OfferItemData):
 * `type` u32, then type 0: AccountItem id u15 + amount u32; type 1: two u32; type 2: one u32.
 */
const storeOfferItem = t.union({
  key: "type",
  tag: t.u32,
  variants: {
    0: { accountItemId: t.uint(15), amount: t.u32 },
    1: { type1Unknown0: t.u32, type1Unknown1: t.u32 },
    2: { type2Unknown0: t.u32 },
  },
});

/**
 * One offer (NexusForever `Model/ServerStoreOffers.cs`, class Offer): id u32, name and description
 * ws, `pricePremium` and `priceAlternative` f32 (the NCoin and Omnibit prices, NexusForever's
 * `OfferItem.Build`), DisplayFlag 32 bits (New 1, Recommended 2, Popular 4, LimitedTime 8),
 * `unknown6` i64, `unknown7` u8, u32 count + currency entries, u32 count + item entries.
 */
const storeOffer = t.struct({
  id: t.u32,
  name: t.wstring({ max: 256 }),
  description: t.wstring({ max: 2048 }),
  pricePremium: t.f32,
  priceAlternative: t.f32,
  displayFlags: t.u32,
  unknown6: t.i64,
  unknown7: t.u8,
  currencies: t.array(t.u32, storeOfferCurrency, { max: 32 }),
  items: t.array(t.u32, storeOfferItem, { max: 256 }),
});

/**
 * The store's offers, in groups (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerStoreOffers.cs`): u32 count + groups {id
 * u32, DisplayFlag 32 bits, name ws, description ws, `displayInfoOverride` u14, u32 count +
 * offers, then u32 count + the categories the group is shown in, written as every category id, then
 * every index (its position in that category, from 1)}.
 */
export const ServerStoreOffers = definePacket({
  name: "ServerStoreOffers",
  opcode: 0x098b,
  origin: "genuine",
  direction: "server",
  fields: {
    groups: t.array(
      t.u32,
      t.struct({
        id: t.u32,
        displayFlags: t.u32,
        name: t.wstring({ max: 256 }),
        description: t.wstring({ max: 2048 }),
        displayInfoOverride: t.uint(14),
        offers: t.array(t.u32, storeOffer, { max: 256 }),
        categories: t.columns(t.u32, { categoryId: t.u32, index: t.u32 }, { max: 256 }),
      }),
      { max: 65535 },
    ),
  },
});
