import { z } from "zod";
import { idSchema, moneySchema, wireId14Schema } from "./common";

/** Currencies the store prices in: account-wide premium (NCoin-like) and bonus points, per-character gold. */
export const STORE_CURRENCY = ["premium", "bonus", "gold"] as const;

/** One of {@link STORE_CURRENCY}. */
export type StoreCurrency = (typeof STORE_CURRENCY)[number];

/**
 * What an offer is, for the storefront's display (a bundle grants several things; a buyer who owns
 * some of its mounts, pets or titles gets only the rest, and pays only for the rest: core
 * `priceOffer`'s owned-parts step, by the parts' list prices).
 */
export const STORE_OFFER_KIND = ["mount", "pet", "costume", "title", "bundle", "currency_pack"] as const;

/** One of {@link STORE_OFFER_KIND}. */
export type StoreOfferKind = (typeof STORE_OFFER_KIND)[number];

/** A storefront category; categories nest through `parentId`. */
export const storeCategorySchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1).max(64),
  sortOrder: z.int().default(0),
  parentId: idSchema.optional(),
  description: z.string().max(256).default(""),
  /** Hidden categories are kept but not sent to the client. */
  visible: z.boolean().default(true),
});

/** A storefront category. */
export type StoreCategory = z.output<typeof storeCategorySchema>;

/** One thing a purchase grants; an offer grants all of its grants together or none. */
export const storeGrantSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("mount"), mountId: idSchema }),
  z.strictObject({ kind: z.literal("pet"), petId: idSchema }),
  z.strictObject({ kind: z.literal("title"), titleId: wireId14Schema }),
  z.strictObject({ kind: z.literal("item"), itemId: idSchema, count: z.int().positive().default(1) }),
  z.strictObject({ kind: z.literal("currency"), currency: z.enum(["premium", "bonus"]), amount: moneySchema }),
]);

/** One thing a purchase grants. */
export type StoreGrant = z.output<typeof storeGrantSchema>;

/**
 * Largest base price of a store offer, 2^24: the storefront sends prices to the client as 32-bit
 * floats (ServerStoreOffers `price` f32), which hold every whole number up to
 * 2^24 exactly; a larger price could be shown rounded, and the client would then send back a price
 * the server never offered.
 */
export const MAX_STORE_PRICE = 16_777_216n;

/**
 * Smallest base price of a store offer, 1. A base price of 0 is never valid: it would sell the offer
 * free to everyone at every moment with no end and nothing in the ledger saying why (the seed's
 * `price_gold` default 0 is how the original gave gold purchases away). What is free is done another
 * way: a promo code's `offer:ID` reward (limited, per account, with a window), or a 100 % promotion
 * or daily deal (a window, shown as a discount); not selling in a currency is no price in it.
 */
export const MIN_STORE_PRICE = 1n;

/** Why a price below {@link MIN_STORE_PRICE} is refused, for every place that refuses it. */
export const ZERO_STORE_PRICE_MESSAGE =
  "must be at least 1: a store offer is never sold for 0 (give it free with a promo code's offer:ID reward or a 100 % promotion or daily deal; stop selling it in a currency with no price)";

/** The most units an offer holds in stock (its import's `stock`, a restock's result). */
export const MAX_STORE_STOCK = 1_000_000_000;

/** The most units of an offer one purchase may take (an offer's `maxQuantity` at most). */
export const MAX_STORE_QUANTITY = 1000;

/** A store offer's base price: a whole amount from {@link MIN_STORE_PRICE} to {@link MAX_STORE_PRICE}. */
export const storePriceSchema = moneySchema
  .refine((value) => value >= MIN_STORE_PRICE, ZERO_STORE_PRICE_MESSAGE)
  .refine((value) => value <= MAX_STORE_PRICE, `must be at most ${MAX_STORE_PRICE} (2^24, exact in the client's 32-bit price)`);

/** Prices by currency; an offer lists the currencies it can be bought with. */
export const storePricesSchema = z
  .strictObject({ premium: storePriceSchema.optional(), bonus: storePriceSchema.optional(), gold: storePriceSchema.optional() })
  .refine((prices) => Object.values(prices).some((price) => price !== undefined), "must name at least one currency");

/** Prices by currency. */
export type StorePrices = z.output<typeof storePricesSchema>;

/** The client's DisplayFlag bits (ServerStoreOffers): New 1, Recommended 2, Popular 4, LimitedTime 8. */
export const STORE_DISPLAY_FLAG = { new: 1, recommended: 2, popular: 4, limited_time: 8 } as const;

/** One of the keys of {@link STORE_DISPLAY_FLAG}. */
export type StoreDisplayFlag = keyof typeof STORE_DISPLAY_FLAG;

/** Periods of a per-account purchase limit: the UTC day, the ISO week from Monday 00:00 UTC, or ever. */
export const PURCHASE_LIMIT_PERIOD = ["daily", "weekly", "lifetime"] as const;

/** One of {@link PURCHASE_LIMIT_PERIOD}. */
export type PurchaseLimitPeriod = (typeof PURCHASE_LIMIT_PERIOD)[number];

/** At most `count` units per account per `period` (the seed's daily lucky charm: daily, 1). */
export const purchaseLimitSchema = z.strictObject({ period: z.enum(PURCHASE_LIMIT_PERIOD), count: z.int().positive().max(1_000_000) });

/** A per-account purchase limit. */
export type PurchaseLimit = z.output<typeof purchaseLimitSchema>;

/**
 * Demand pricing: each unit sold raises the price by `ratePerUnitBp` basis points (1/100 of a percent)
 * of the base price, up to `capPercent` percent of it (core `demandUnitPrice` has the formula).
 */
export const demandPricingSchema = z.strictObject({
  ratePerUnitBp: z.int().min(1).max(10_000),
  capPercent: z.int().min(100).max(10_000),
});

/** Demand pricing of an offer. */
export type DemandPricing = z.output<typeof demandPricingSchema>;

/** A storefront offer (the seed's store item). */
export const storeOfferSchema = z.strictObject({
  id: idSchema,
  categoryId: idSchema,
  name: z.string().min(1).max(64),
  description: z.string().max(512).default(""),
  kind: z.enum(STORE_OFFER_KIND),
  grants: z.array(storeGrantSchema).min(1),
  prices: storePricesSchema,
  accountWide: z.boolean().default(true),
  giftable: z.boolean().default(false),
  available: z.boolean().default(true),
  featured: z.boolean().default(false),
  /** Badges the client shows (see {@link STORE_DISPLAY_FLAG}). */
  display: z.array(z.enum(["new", "recommended", "popular", "limited_time"])).default([]),
  /** Units the import stocks it with; absent: unlimited. */
  stock: z.int().nonnegative().max(MAX_STORE_STOCK).optional(),
  demand: demandPricingSchema.optional(),
  limit: purchaseLimitSchema.optional(),
  /** The most units one purchase may take; above 1 only for offers that grant items and currency alone. */
  maxQuantity: z.int().min(1).max(MAX_STORE_QUANTITY).default(1),
});

/** A storefront offer. */
export type StoreOffer = z.output<typeof storeOfferSchema>;

/**
 * A VIP tier (the seed's VipTierSpec): reached at `lifetimePremiumSpend` premium spent in the store
 * (or set by an admin), it takes `discountPercent` off every offer, or the percent of the nearest
 * listed category (the offer's own, else its parent's, ...), and pays `rewards` once per account.
 */
export const vipTierSchema = z.strictObject({
  id: z.int().min(1).max(100),
  name: z.string().min(1).max(32),
  lifetimePremiumSpend: moneySchema,
  discountPercent: z.int().min(0).max(100).default(0),
  categoryDiscounts: z.array(z.strictObject({ categoryId: idSchema, percent: z.int().min(0).max(100) })).default([]),
  rewards: z.array(z.strictObject({ currency: z.enum(["premium", "bonus"]), amount: moneySchema })).default([]),
});

/** A VIP tier. */
export type VipTier = z.output<typeof vipTierSchema>;
