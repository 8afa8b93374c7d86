import { z } from "zod";
import { idSchema, moneySchema, wireId14Schema } from "./common";

/** Currencies the store prices in: account-wide premium (NCoin-like) and bonus points, per-character gold. */
export const STORE_CURRENCY = ["premium", "bonus", "gold"] as const;

/** One of {@link STORE_CURRENCY}. */
export type StoreCurrency = (typeof STORE_CURRENCY)[number];

/** What an offer is, for the storefront's display (a bundle grants several things). */
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

/** Prices by currency; an offer lists the currencies it can be bought with. */
export const storePricesSchema = z
  .strictObject({ premium: moneySchema.optional(), bonus: moneySchema.optional(), gold: moneySchema.optional() })
  .refine((prices) => Object.values(prices).some((price) => price !== undefined), "must name at least one currency");

/** Prices by currency. */
export type StorePrices = z.output<typeof storePricesSchema>;

/** The client's DisplayFlag bits (ServerStoreOffers): New 1, Recommended 2, Popular 4, LimitedTime 8. */
export const STORE_DISPLAY_FLAG = { new: 1, recommended: 2, popular: 4, limited_time: 8 } as const;

/** One of the keys of {@link STORE_DISPLAY_FLAG}. */
export type StoreDisplayFlag = keyof typeof STORE_DISPLAY_FLAG;

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
});

/** A storefront offer. */
export type StoreOffer = z.output<typeof storeOfferSchema>;
