// Reading the catalog in an action's transaction: offers with their grants parsed, and what
// pricing needs (active promotions, the day's deal, the category tree).
import type { StoreDailyDeal, StorePromotion } from "@bezgelor/core";
import { utcDate } from "@bezgelor/core";
import { storeGrantSchema, type StoreCurrency, type StoreGrant, type StoreOfferKind } from "@bezgelor/data";
import { z } from "zod";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { fromJsonColumn } from "../json-codec.js";

/** An offer as stored. */
export interface StoreOfferRecord {
  id: number;
  categoryId: number;
  name: string;
  description: string;
  kind: StoreOfferKind;
  grants: StoreGrant[];
  prices: Partial<Record<StoreCurrency, bigint>>;
  accountWide: boolean;
  giftable: boolean;
  available: boolean;
  featured: boolean;
  /** DisplayFlag bits: New 1, Recommended 2, Popular 4, LimitedTime 8. */
  displayFlags: number;
  /** 'import' (updated by the catalog import) or 'operator' (left alone by it). */
  origin: "import" | "operator";
}

type OfferRow = Prisma.StoreOfferGetPayload<object>;
const StoreGrantsSchema = z.array(storeGrantSchema);

/**
 * Grants from a JSON column (written with toJsonColumn, which tags bigints): the amounts come back
 * as bigints, which the data schema takes as decimal strings.
 */
export function parseGrantsColumn(value: unknown): StoreGrant[] {
  const raw = fromJsonColumn<unknown[]>(value).map((g) =>
    typeof g === "object" && g !== null && typeof (g as { amount?: unknown }).amount === "bigint"
      ? { ...g, amount: String((g as { amount: bigint }).amount) }
      : g,
  );
  return StoreGrantsSchema.parse(raw);
}

/** Converts a row. */
export function toOfferRecord(row: OfferRow): StoreOfferRecord {
  const prices: Partial<Record<StoreCurrency, bigint>> = {};
  if (row.pricePremium !== null) prices.premium = row.pricePremium;
  if (row.priceBonus !== null) prices.bonus = row.priceBonus;
  if (row.priceGold !== null) prices.gold = row.priceGold;
  return {
    id: row.id,
    categoryId: row.categoryId,
    name: row.name,
    description: row.description,
    kind: row.kind as StoreOfferKind,
    grants: parseGrantsColumn(row.grants),
    prices,
    accountWide: row.accountWide,
    giftable: row.giftable,
    available: row.available,
    featured: row.featured,
    displayFlags: row.displayFlags,
    origin: row.origin as "import" | "operator",
  };
}

/** The offer `offerId`. Throws DbError STORE_OFFER_NOT_FOUND. */
export async function loadOffer(tx: Prisma.TransactionClient, offerId: number): Promise<StoreOfferRecord> {
  const row = await tx.storeOffer.findUnique({ where: { id: offerId } });
  if (!row) throw new DbError(DB_ERROR_CODES.STORE_OFFER_NOT_FOUND, `No store offer ${offerId}`, { details: { offerId } });
  return toOfferRecord(row);
}

/** What priceOffer needs besides the offer. */
export interface PricingContext {
  promotions: StorePromotion[];
  deal: StoreDailyDeal | null;
  categoryParents: Map<number, number | null>;
}

/** A promotion row as core sees it. */
export function toPromotion(row: Prisma.StorePromotionGetPayload<object>): StorePromotion {
  const scope: StorePromotion["scope"] =
    row.scope === "category"
      ? { kind: "category", categoryId: row.scopeId! }
      : row.scope === "offer"
        ? { kind: "offer", offerId: row.scopeId! }
        : { kind: "all" };
  return { id: row.id, name: row.name, percent: row.percent, startsAt: row.startsAt, endsAt: row.endsAt, scope };
}

/** Promotions active at `now`, the deal of `now`'s UTC date, and the category tree. */
export async function loadPricingContext(tx: Prisma.TransactionClient, now: Date): Promise<PricingContext> {
  const promotions = await tx.storePromotion.findMany({ where: { startsAt: { lte: now }, endsAt: { gt: now } }, orderBy: { id: "asc" } });
  const date = utcDate(now);
  const deal = await tx.storeDailyDeal.findUnique({ where: { dealDate: new Date(`${date}T00:00:00.000Z`) } });
  const categories = await tx.storeCategory.findMany({ select: { id: true, parentId: true } });
  return {
    promotions: promotions.map(toPromotion),
    deal: deal ? { date, offerId: deal.offerId, percent: deal.percent } : null,
    categoryParents: new Map(categories.map((c) => [c.id, c.parentId])),
  };
}
