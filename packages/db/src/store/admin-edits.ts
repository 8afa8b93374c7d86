// The admin edits of the store (`bezgelor store set-price`, `store restock`, `store offer set`,
// `store rate set`, `!store_setprice`, `!store_restock`): each names the version it saw. An edit
// that asks for what the offer or rate already has changes nothing: its version stays, nothing is
// logged or announced, and the result says `changed: false` (edit-offer.ts).
import type { ExchangeRate } from "@bezgelor/core";
import { MAX_STORE_PRICE, MAX_STORE_STOCK, MIN_STORE_PRICE, STORE_CURRENCY, ZERO_STORE_PRICE_MESSAGE } from "@bezgelor/data";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { formatActor } from "../actions/actor.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { toJsonColumn } from "../json-codec.js";
import { AmountSchema, IdSchema } from "../validation.js";
import { checkVersion, editOffer, type Edited } from "./edit-offer.js";
import { toExchangeRate } from "./store-offer-record.js";

const Version = z.number().int().min(1).max(2147483647);
const PRICE_COLUMN = { premium: "pricePremium", bonus: "priceBonus", gold: "priceGold" } as const;

/**
 * Sets an offer's price in one currency (null: no longer sold in it) at `expectedVersion`; the
 * price it already has is no change (`changed: false`, version kept). Throws
 * DbError STORE_OFFER_NOT_FOUND, STORE_VERSION_CONFLICT (details.currentVersion),
 * STORE_CATALOG_INVALID (removing its last price), INVALID_INPUT (a price outside
 * MIN_STORE_PRICE..MAX_STORE_PRICE: 0 is never a price, see MIN_STORE_PRICE); nothing changes then.
 */
export const setOfferPrice = defineAction({
  name: "store.set-price",
  input: z.object({
    offerId: IdSchema,
    currency: z.enum(STORE_CURRENCY),
    price: z.bigint().min(MIN_STORE_PRICE, ZERO_STORE_PRICE_MESSAGE).max(MAX_STORE_PRICE).nullable(),
    expectedVersion: Version,
  }),
  describe: (i) => `Setting the ${i.currency} price of offer ${i.offerId} to ${i.price}`,
  run: (ctx, i) =>
    editOffer(ctx, i.offerId, i.expectedVersion, (offer) => {
      const others = Object.entries(offer.prices).filter(([c]) => c !== i.currency);
      if (i.price === null && others.length === 0) {
        throw new DbError(DB_ERROR_CODES.STORE_CATALOG_INVALID, `Offer ${offer.id} must keep a price`, { details: { offerId: offer.id, field: "price" } });
      }
      return { field: `price.${i.currency}`, before: offer.prices[i.currency] ?? null, after: i.price, data: { [PRICE_COLUMN[i.currency]]: i.price } };
    }),
});

/**
 * Adds `amount` units to an offer's limited stock at `expectedVersion`, or with `unlimited` makes
 * its stock unlimited (no change, `changed: false`, when it already is). Throws DbError
 * STORE_OFFER_NOT_FOUND, STORE_VERSION_CONFLICT, STORE_CATALOG_INVALID (restocking an unlimited
 * offer, a stock past MAX_STORE_STOCK), INVALID_INPUT.
 */
export const restockOffer = defineAction({
  name: "store.restock",
  input: z.union([
    z.object({ offerId: IdSchema, amount: z.number().int().min(1).max(MAX_STORE_STOCK), expectedVersion: Version }),
    z.object({ offerId: IdSchema, unlimited: z.literal(true), expectedVersion: Version }),
  ]),
  describe: (i) => `Restocking offer ${i.offerId}`,
  run: (ctx, i) =>
    editOffer(ctx, i.offerId, i.expectedVersion, (offer) => {
      if ("unlimited" in i) return { field: "stock", before: offer.stock, after: null, data: { stock: null } };
      if (offer.stock === null) {
        throw new DbError(DB_ERROR_CODES.STORE_CATALOG_INVALID, `Offer ${offer.id} has unlimited stock`, { details: { offerId: offer.id, field: "stock" } });
      }
      const after = offer.stock + i.amount;
      if (after > MAX_STORE_STOCK) {
        throw new DbError(DB_ERROR_CODES.STORE_CATALOG_INVALID, `Offer ${offer.id} cannot hold ${after} units`, {
          details: { offerId: offer.id, field: "stock" },
        });
      }
      return { field: "stock", before: offer.stock, after, data: { stock: after } };
    }),
});

/**
 * Makes an offer available (sold) or not, and optionally featured, at `expectedVersion`; asking
 * for what it already is changes nothing (`changed: false`, version kept). Throws DbError
 * STORE_OFFER_NOT_FOUND, STORE_VERSION_CONFLICT, INVALID_INPUT.
 */
export const setOfferAvailability = defineAction({
  name: "store.set-availability",
  input: z.object({ offerId: IdSchema, available: z.boolean(), featured: z.boolean().optional(), expectedVersion: Version }),
  describe: (i) => `Making offer ${i.offerId} ${i.available ? "available" : "unavailable"}`,
  run: (ctx, i) =>
    editOffer(ctx, i.offerId, i.expectedVersion, (offer) => ({
      field: i.featured === undefined ? "available" : "available+featured",
      before: { available: offer.available, featured: offer.featured },
      after: { available: i.available, featured: i.featured ?? offer.featured },
      data: { available: i.available, ...(i.featured === undefined ? {} : { featured: i.featured }) },
    })),
});

/**
 * Sets the exchange rate `from` -> `to` (1 `from` costs `numerator / denominator` `to`, rounded
 * up) at `expectedVersion` (0 creates it), logged like an offer edit. The same numerator and
 * denominator it already has is no change (`changed: false`, version kept, nothing logged; 2/6 is
 * a change from 1/3, as the stored pair differs). Throws DbError STORE_VERSION_CONFLICT,
 * INVALID_INPUT (same currency, a zero part).
 */
export const setExchangeRate = defineAction({
  name: "store.set-rate",
  input: z
    .object({
      from: z.enum(STORE_CURRENCY),
      to: z.enum(STORE_CURRENCY),
      numerator: AmountSchema,
      denominator: AmountSchema,
      expectedVersion: z.number().int().min(0).max(2147483647),
    })
    .refine((i) => i.from !== i.to, { message: "must be another currency than from", path: ["to"] }),
  describe: (i) => `Setting the rate ${i.from} -> ${i.to} to ${i.numerator}/${i.denominator}`,
  async run(ctx, i): Promise<Edited<ExchangeRate>> {
    const key = `${i.from}->${i.to}`;
    // The rate's row (or its absence) is held by a lock on its key until the transaction ends.
    await ctx.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`store-rate:${key}`}))`;
    const existing = await ctx.tx.storeExchangeRate.findUnique({ where: { fromCurrency_toCurrency: { fromCurrency: i.from, toCurrency: i.to } } });
    checkVersion(`Rate ${key}`, existing?.version ?? 0, i.expectedVersion);
    if (existing && existing.numerator === i.numerator && existing.denominator === i.denominator) return { ...toExchangeRate(existing), changed: false };
    const actor = formatActor(ctx.actor);
    const version = i.expectedVersion + 1;
    const values = { numerator: i.numerator, denominator: i.denominator, version, updatedBy: actor, updatedAt: ctx.now };
    const row = await ctx.tx.storeExchangeRate.upsert({
      where: { fromCurrency_toCurrency: { fromCurrency: i.from, toCurrency: i.to } },
      create: { fromCurrency: i.from, toCurrency: i.to, ...values },
      update: values,
    });
    await ctx.tx.storeAdminEdit.create({
      data: {
        subject: "rate",
        rateKey: key,
        field: "rate",
        version,
        before: toJsonColumn({ value: existing ? { numerator: existing.numerator, denominator: existing.denominator } : null }),
        after: toJsonColumn({ value: { numerator: i.numerator, denominator: i.denominator } }),
        actor,
        createdAt: ctx.now,
      },
    });
    ctx.emit({ kind: "store.catalog-changed", accountId: null, characterId: null, offerId: null, field: `rate ${key}` });
    return { ...toExchangeRate(row), changed: true };
  },
});
