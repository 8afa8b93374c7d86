// Reading the catalog in an action's transaction: offers with their grants parsed, and what
// pricing needs (active promotions, the day's deal, the category tree).
import type { ExchangeRate, StoreDailyDeal, StorePromotion } from "@bezgelor/core";
import { utcDate } from "@bezgelor/core";
import { storeGrantSchema, type DemandPricing, type PurchaseLimit, type StoreCurrency, type StoreGrant, type StoreOfferKind } from "@bezgelor/data";
import { z } from "zod";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { Prisma } from "../generated/prisma/client";
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
  /** Units left; null: unlimited. */
  stock: number | null;
  /** Units sold ever (the place of the next unit in the demand sequence). */
  sold: bigint;
  /** The version admin edits must name. */
  version: number;
  demand: DemandPricing | null;
  limit: PurchaseLimit | null;
  maxQuantity: number;
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
    stock: row.stock,
    sold: row.sold,
    version: row.version,
    demand: row.demandRateBp !== null && row.demandCapPercent !== null ? { ratePerUnitBp: row.demandRateBp, capPercent: row.demandCapPercent } : null,
    limit: row.limitPeriod !== null && row.limitCount !== null ? { period: row.limitPeriod as PurchaseLimit["period"], count: row.limitCount } : null,
    maxQuantity: row.maxQuantity,
  };
}

/** The offer `offerId`. Throws DbError STORE_OFFER_NOT_FOUND. */
export async function loadOffer(tx: Prisma.TransactionClient, offerId: number): Promise<StoreOfferRecord> {
  const row = await tx.storeOffer.findUnique({ where: { id: offerId } });
  if (!row) throw new DbError(DB_ERROR_CODES.STORE_OFFER_NOT_FOUND, `No store offer ${offerId}`, { details: { offerId } });
  return toOfferRecord(row);
}

/**
 * The offer `offerId`, its row locked (FOR UPDATE) until the transaction ends: a purchase reads the
 * units sold and the stock under this lock, prices at that place and counts its units before
 * anyone else can, so racing buyers queue and each pays its own place. Throws DbError STORE_OFFER_NOT_FOUND.
 */
export async function lockOffer(tx: Prisma.TransactionClient, offerId: number): Promise<StoreOfferRecord> {
  // One statement: the row as Prisma would return it, read under the lock.
  const [row] = await tx.$queryRaw<LockedOfferRow[]>`SELECT ${OFFER_COLUMNS} FROM "store_offers" WHERE "id" = ${offerId} FOR UPDATE`;
  if (!row) throw new DbError(DB_ERROR_CODES.STORE_OFFER_NOT_FOUND, `No store offer ${offerId}`, { details: { offerId } });
  return lockedOfferRecord(row);
}

/**
 * {@link lockOffer} and, in the same statement, the pricing context ({@link loadPricingContext},
 * without exchange rates) and `extra` columns (the buyer's VIP spend): a purchase's reads in one
 * round trip. The context's values are those of the statement's snapshot, as if read just before
 * the lock; the offer's row is the latest, read under the lock. Throws DbError STORE_OFFER_NOT_FOUND.
 */
export async function lockOfferWithPricing<X extends object>(
  tx: Prisma.TransactionClient,
  offerId: number,
  now: Date,
  extra: Prisma.Sql,
): Promise<{ offer: StoreOfferRecord; context: PricingContext; extra: X }> {
  const date = utcDate(now);
  const [row] = await tx.$queryRaw<Array<LockedOfferRow & PricingRow & X>>`SELECT ${OFFER_COLUMNS}, ${pricingColumns(now, date)}, ${extra}
    FROM "store_offers" WHERE "id" = ${offerId} FOR UPDATE OF "store_offers"`;
  if (!row) throw new DbError(DB_ERROR_CODES.STORE_OFFER_NOT_FOUND, `No store offer ${offerId}`, { details: { offerId } });
  return { offer: lockedOfferRecord(row), context: toPricingContext(row, now, date, []), extra: row };
}

const OFFER_COLUMNS = Prisma.sql`"id", "category_id", "name", "description", "kind", "grants",
      "price_premium", "price_bonus", "price_gold", "account_wide", "giftable", "available", "featured", "display_flags", "origin",
      "stock", "sold", "version", "demand_rate_bp", "demand_cap_percent", "limit_period", "limit_count", "max_quantity", "created_at", "updated_at"`;

function lockedOfferRecord(row: LockedOfferRow): StoreOfferRecord {
  return toOfferRecord({
    id: row.id,
    categoryId: row.category_id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    grants: row.grants,
    pricePremium: row.price_premium,
    priceBonus: row.price_bonus,
    priceGold: row.price_gold,
    accountWide: row.account_wide,
    giftable: row.giftable,
    available: row.available,
    featured: row.featured,
    displayFlags: row.display_flags,
    origin: row.origin,
    stock: row.stock,
    sold: BigInt(row.sold),
    version: row.version,
    demandRateBp: row.demand_rate_bp,
    demandCapPercent: row.demand_cap_percent,
    limitPeriod: row.limit_period,
    limitCount: row.limit_count,
    maxQuantity: row.max_quantity,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

interface LockedOfferRow {
  id: number;
  category_id: number;
  name: string;
  description: string;
  kind: string;
  grants: Prisma.JsonValue;
  price_premium: bigint | null;
  price_bonus: bigint | null;
  price_gold: bigint | null;
  account_wide: boolean;
  giftable: boolean;
  available: boolean;
  featured: boolean;
  display_flags: number;
  origin: string;
  stock: number | null;
  sold: bigint;
  version: number;
  demand_rate_bp: number | null;
  demand_cap_percent: number | null;
  limit_period: string | null;
  limit_count: number | null;
  max_quantity: number;
  created_at: Date;
  updated_at: Date;
}

/** What priceOffer needs besides the offer. */
export interface PricingContext {
  promotions: StorePromotion[];
  deal: StoreDailyDeal | null;
  categoryParents: Map<number, number | null>;
  exchangeRates: ExchangeRate[];
}

/** A rate row as core sees it. */
export function toExchangeRate(row: Prisma.StoreExchangeRateGetPayload<object>): ExchangeRate {
  return {
    from: row.fromCurrency as StoreCurrency,
    to: row.toCurrency as StoreCurrency,
    numerator: row.numerator,
    denominator: row.denominator,
    version: row.version,
  };
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

interface PricingRow {
  promotions: unknown;
  deal: unknown;
  categories: unknown;
}

/** A json column as the adapter hands it over: parsed already, or as text. */
function jsonValue<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** The pricing context's three columns of a SELECT: `promotions`, `deal` and `categories` (JSON). */
function pricingColumns(now: Date, date: string): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('id', "id", 'name', "name", 'percent', "percent", 'startsAt', "starts_at",
        'endsAt', "ends_at", 'scope', "scope", 'scopeId', "scope_id") ORDER BY "id"), '[]'::json)
      FROM "store_promotions" WHERE "starts_at" <= ${now} AND "ends_at" > ${now}) AS "promotions",
    (SELECT json_build_object('offerId', "offer_id", 'percent', "percent") FROM "store_daily_deals" WHERE "deal_date" = ${date}::date) AS "deal",
    (SELECT COALESCE(json_agg(json_build_array("id", "parent_id")), '[]'::json) FROM "store_categories") AS "categories"`;
}

function toPricingContext(row: PricingRow | undefined, now: Date, date: string, exchangeRates: ExchangeRate[]): PricingContext {
  const promotions = jsonValue<PromotionJson[]>(row?.promotions ?? "[]");
  const deal = jsonValue<{ offerId: number; percent: number } | null>(row?.deal ?? null);
  const categories = jsonValue<Array<[number, number | null]>>(row?.categories ?? "[]");
  return {
    exchangeRates,
    promotions: promotions.map((p) => toPromotion({ ...p, startsAt: new Date(p.startsAt), endsAt: new Date(p.endsAt), createdAt: now })),
    deal: deal ? { date, offerId: deal.offerId, percent: deal.percent } : null,
    categoryParents: new Map(categories),
  };
}

/** The exchange rates, in a stable order. */
export async function loadExchangeRates(tx: Prisma.TransactionClient): Promise<ExchangeRate[]> {
  const rows = await tx.storeExchangeRate.findMany({ orderBy: [{ fromCurrency: "asc" }, { toCurrency: "asc" }] });
  return rows.map(toExchangeRate);
}

/**
 * Promotions active at `now`, the deal of `now`'s UTC date, the category tree (one statement) and
 * the exchange rates (skipped, as none are needed, when `rates` is false: the offer has its own
 * price in the currency).
 */
export async function loadPricingContext(tx: Prisma.TransactionClient, now: Date, rates = true): Promise<PricingContext> {
  const date = utcDate(now);
  const [row] = await tx.$queryRaw<PricingRow[]>`SELECT ${pricingColumns(now, date)}`;
  return toPricingContext(row, now, date, rates ? await loadExchangeRates(tx) : []);
}

/** A promotion row as the pricing statement's JSON carries it (timestamps as text). */
interface PromotionJson {
  id: number;
  name: string;
  percent: number;
  startsAt: string;
  endsAt: string;
  scope: string;
  scopeId: number | null;
}
