// A page of the catalog (the seed's get_catalog(page, per_page, category, currency)): the offers of
// getStoreCatalog, so the same visibility and the same prices, filtered and cut into pages.
import { STORE_CURRENCY, type GameData } from "@bezgelor/data";
import { z } from "zod";
import type { DbClient } from "../client.js";
import { IdSchema, parseInput } from "../validation.js";
import { getStoreCatalog, type CatalogOffer } from "./get-store-catalog.js";

const Options = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  perPage: z.number().int().min(1).max(100).default(10),
  /** Only offers in this category or a category below it. */
  categoryId: IdSchema.optional(),
  /** Only offers sold in this currency (directly or through a rate), with only that price. */
  currency: z.enum(STORE_CURRENCY).optional(),
  accountId: IdSchema.optional(),
  /** The buyer's character, whose own collection counts as owned (with `accountId`). */
  characterId: IdSchema.nullable().optional(),
  now: z.date().optional(),
});

/** What {@link getCatalogPage} returns. */
export interface CatalogPage {
  page: number;
  perPage: number;
  /** Offers matching the filters, and pages of them (at least 1). */
  total: number;
  pages: number;
  offers: CatalogOffer[];
}

/**
 * Page `page` (from 1) of `perPage` offers of the catalog at `now`, featured first then by id,
 * optionally of one category (with its subcategories) and one currency, priced for `accountId`
 * (VIP, owned parts of bundles; with `characterId`, its collection too) when given. A page past the last is empty. Throws DbError INVALID_INPUT, CONNECTION_FAILED, INTERNAL.
 */
export async function getCatalogPage(db: DbClient, options: z.input<typeof Options> & { data?: GameData }): Promise<CatalogPage> {
  const i = parseInput(Options, options);
  const catalog = await getStoreCatalog(db, {
    ...(i.now ? { now: i.now } : {}),
    ...(i.accountId !== undefined ? { accountId: i.accountId, characterId: i.characterId ?? null } : {}),
    ...(options.data ? { data: options.data } : {}),
  });
  const parents = new Map(catalog.categories.map((c) => [c.id, c.parentId]));
  const under = (categoryId: number, target: number): boolean => {
    for (let at: number | null | undefined = categoryId, n = 0; at !== null && at !== undefined && n < 64; at = parents.get(at), n++)
      if (at === target) return true;
    return false;
  };
  const matching = catalog.offers
    .filter((o) => i.categoryId === undefined || under(o.offer.categoryId, i.categoryId))
    .map((o) => (i.currency === undefined ? o : { ...o, prices: o.prices.filter((p) => p.currency === i.currency) }))
    .filter((o) => o.prices.length > 0);
  const start = (i.page - 1) * i.perPage;
  return {
    page: i.page,
    perPage: i.perPage,
    total: matching.length,
    pages: Math.max(1, Math.ceil(matching.length / i.perPage)),
    offers: matching.slice(start, start + i.perPage),
  };
}
