// Operators' promotions and daily deals. Plain writes (they change prices, not what anyone owns);
// the purchase reads them in its own transaction.
import { MAX_DISCOUNT_PERCENT, MIN_DISCOUNT_PERCENT, ZERO_DISCOUNT_MESSAGE, type StoreDailyDeal, type StorePromotion } from "@bezgelor/core";
import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import { CalendarDateSchema, IdSchema, parseInput } from "../validation.js";
import { toPromotion } from "./store-offer-record.js";

// 1..100: 0 % is no discount (core's MIN_DISCOUNT_PERCENT); the tables' CHECK still allows 0 for
// rows written before, which pricing ignores.
const Percent = z.number().int().min(MIN_DISCOUNT_PERCENT, ZERO_DISCOUNT_MESSAGE).max(MAX_DISCOUNT_PERCENT);

const PromotionInput = z
  .object({
    name: z.string().trim().min(1).max(64),
    percent: Percent,
    startsAt: z.date(),
    endsAt: z.date(),
    scope: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("all") }),
      z.object({ kind: z.literal("category"), categoryId: IdSchema }),
      z.object({ kind: z.literal("offer"), offerId: IdSchema }),
    ]),
  })
  .refine((p) => p.startsAt.getTime() < p.endsAt.getTime(), { message: "must be after startsAt", path: ["endsAt"] });

/** The input of {@link createPromotion}. */
export type CreatePromotionInput = z.input<typeof PromotionInput>;

/**
 * Creates a promotion: `percent` (1..100) off everything, a category with its subcategories, or
 * one offer, while `startsAt <= now < endsAt`. Throws DbError INVALID_INPUT (a percent outside
 * 1..100: 0 % is no discount; a window that ends before it starts), STORE_CATALOG_INVALID
 * (unknown category or offer).
 */
export async function createPromotion(db: DbClient, options: CreatePromotionInput): Promise<StorePromotion> {
  const p = parseInput(PromotionInput, options);
  try {
    if (p.scope.kind === "category" && (await db.storeCategory.count({ where: { id: p.scope.categoryId } })) === 0) {
      throw new DbError(DB_ERROR_CODES.STORE_CATALOG_INVALID, `No store category ${p.scope.categoryId}`, { details: { field: "scope.categoryId" } });
    }
    if (p.scope.kind === "offer" && (await db.storeOffer.count({ where: { id: p.scope.offerId } })) === 0) {
      throw new DbError(DB_ERROR_CODES.STORE_CATALOG_INVALID, `No store offer ${p.scope.offerId}`, { details: { field: "scope.offerId" } });
    }
    const scopeId = p.scope.kind === "category" ? p.scope.categoryId : p.scope.kind === "offer" ? p.scope.offerId : null;
    const row = await db.storePromotion.create({
      data: { name: p.name, percent: p.percent, startsAt: p.startsAt, endsAt: p.endsAt, scope: p.scope.kind, scopeId },
    });
    return toPromotion(row);
  } catch (error) {
    throw toDbError(error, `Creating promotion ${p.name} failed`);
  }
}

/** Every promotion, or only those active at `activeAt`, by id. */
export async function listPromotions(db: DbClient, options: { activeAt?: Date } = {}): Promise<StorePromotion[]> {
  try {
    const at = options.activeAt;
    const rows = await db.storePromotion.findMany({ where: at ? { startsAt: { lte: at }, endsAt: { gt: at } } : {}, orderBy: { id: "asc" } });
    return rows.map(toPromotion);
  } catch (error) {
    throw toDbError(error, "Listing promotions failed");
  }
}

const DealInput = z.object({
  date: CalendarDateSchema,
  offerId: IdSchema,
  percent: Percent,
});

/**
 * Sets the daily deal of a UTC date, `percent` (1..100) off one offer (one per date: a second call
 * for the date replaces it, an old 0 % deal included). Throws DbError INVALID_INPUT (a percent
 * outside 1..100: 0 % is no discount; a date that is not a calendar date), STORE_CATALOG_INVALID
 * (unknown offer).
 */
export async function setDailyDeal(db: DbClient, options: z.input<typeof DealInput>): Promise<StoreDailyDeal> {
  const d = parseInput(DealInput, options);
  try {
    if ((await db.storeOffer.count({ where: { id: d.offerId } })) === 0) {
      throw new DbError(DB_ERROR_CODES.STORE_CATALOG_INVALID, `No store offer ${d.offerId}`, { details: { field: "offerId" } });
    }
    const dealDate = new Date(`${d.date}T00:00:00.000Z`);
    await db.storeDailyDeal.upsert({
      where: { dealDate },
      create: { dealDate, offerId: d.offerId, percent: d.percent },
      update: { offerId: d.offerId, percent: d.percent },
    });
    return d;
  } catch (error) {
    throw toDbError(error, `Setting the daily deal of ${d.date} failed`);
  }
}

const DealListInput = z.object({ from: CalendarDateSchema.optional() });

/**
 * Daily deals from `from` (a UTC calendar date YYYY-MM-DD, default every one), by date. Throws
 * DbError INVALID_INPUT (a `from` that is not a calendar date).
 */
export async function listDailyDeals(db: DbClient, options: z.input<typeof DealListInput> = {}): Promise<StoreDailyDeal[]> {
  parseInput(DealListInput, options);
  try {
    const rows = await db.storeDailyDeal.findMany({
      where: options.from ? { dealDate: { gte: new Date(`${options.from}T00:00:00.000Z`) } } : {},
      orderBy: { dealDate: "asc" },
    });
    return rows.map((r) => ({ date: r.dealDate.toISOString().slice(0, 10), offerId: r.offerId, percent: r.percent }));
  } catch (error) {
    throw toDbError(error, "Listing daily deals failed");
  }
}
