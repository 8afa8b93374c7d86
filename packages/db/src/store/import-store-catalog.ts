// Importing a store catalog (the shipped store-catalog.json, or an operator's file) into the
// database. Who owns a row is its `origin`: rows the import created are 'import' and are updated
// by every later import; rows an operator created or edited (`bezgelor store offer set`) are
// 'operator' and are never touched by an import, even when the file has the same id. Rows not in
// the file are left as they are (purchases refer to them). One transaction: all or nothing.
// An imported offer the file changes gets a new version, as an operator's edit does, so an edit
// named with the version read before the import is refused as stale; one the file leaves as it
// is keeps its version (and its updated_at).
import { isDeepStrictEqual } from "node:util";
import { storeCatalogTextProblem } from "@bezgelor/core";
import { STORE_DISPLAY_FLAG, type StoreCatalog, type StoreCategory, type StoreOffer } from "@bezgelor/data";
import { runTransaction, type DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { toJsonColumn } from "../json-codec.js";

/** Options for {@link importStoreCatalog}. */
export interface ImportStoreCatalogOptions {
  /** A catalog validated by parseStoreCatalog (or storeCatalogOf the loaded game data). */
  catalog: StoreCatalog;
  /** Import only when the database has no offer yet (the server's first start). */
  onlyIfEmpty?: boolean;
}

/** What an import did, by id. */
export interface ImportStoreCatalogReport {
  /** True when `onlyIfEmpty` found offers and did nothing. */
  skippedNotEmpty: boolean;
  /** `updated`: changed by the file; `unchanged`: imported before and the same in the file. */
  categories: { created: number[]; updated: number[]; unchanged: number[]; keptOperator: number[] };
  offers: { created: number[]; updated: number[]; unchanged: number[]; keptOperator: number[] };
}

/** What an import writes of an offer (besides its stock) and compares with the row it has. */
const OFFER_IMPORTED_SELECT = {
  origin: true,
  categoryId: true,
  name: true,
  description: true,
  kind: true,
  grants: true,
  pricePremium: true,
  priceBonus: true,
  priceGold: true,
  accountWide: true,
  giftable: true,
  available: true,
  featured: true,
  displayFlags: true,
  demandRateBp: true,
  demandCapPercent: true,
  limitPeriod: true,
  limitCount: true,
  maxQuantity: true,
} as const satisfies Prisma.StoreOfferSelect;

/** Whether the row holds `columns` already (a JSON column compared by value, whatever its key order). */
function holds(row: Record<string, unknown>, columns: Record<string, unknown>): boolean {
  return Object.entries(columns).every(([key, value]) => isDeepStrictEqual(row[key], value));
}

/** Parents before children (the catalog was checked to have no cycle). */
function parentsFirst(categories: readonly StoreCategory[]): StoreCategory[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const out: StoreCategory[] = [];
  const done = new Set<number>();
  const visit = (c: StoreCategory) => {
    if (done.has(c.id)) return;
    done.add(c.id);
    const parent = c.parentId === undefined ? undefined : byId.get(c.parentId);
    if (parent) visit(parent);
    out.push(c);
  };
  categories.forEach(visit);
  return out;
}

function offerColumns(o: StoreOffer) {
  return {
    categoryId: o.categoryId,
    name: o.name,
    description: o.description,
    kind: o.kind,
    grants: toJsonColumn(o.grants),
    pricePremium: o.prices.premium ?? null,
    priceBonus: o.prices.bonus ?? null,
    priceGold: o.prices.gold ?? null,
    accountWide: o.accountWide,
    giftable: o.giftable,
    available: o.available,
    featured: o.featured,
    displayFlags: o.display.reduce((bits, flag) => bits | STORE_DISPLAY_FLAG[flag], 0),
    demandRateBp: o.demand?.ratePerUnitBp ?? null,
    demandCapPercent: o.demand?.capPercent ?? null,
    limitPeriod: o.limit?.period ?? null,
    limitCount: o.limit?.count ?? null,
    maxQuantity: o.maxQuantity,
  };
}

async function importCategories(tx: Prisma.TransactionClient, categories: readonly StoreCategory[], report: ImportStoreCatalogReport): Promise<void> {
  for (const c of parentsFirst(categories)) {
    const columns = { parentId: c.parentId ?? null, name: c.name, description: c.description, sortOrder: c.sortOrder, visible: c.visible };
    const existing = await tx.storeCategory.findUnique({
      where: { id: c.id },
      select: { origin: true, parentId: true, name: true, description: true, sortOrder: true, visible: true },
    });
    if (!existing) {
      await tx.storeCategory.create({ data: { id: c.id, ...columns, origin: "import" } });
      report.categories.created.push(c.id);
    } else if (existing.origin !== "import") report.categories.keptOperator.push(c.id);
    else if (holds(existing, columns)) report.categories.unchanged.push(c.id);
    else {
      await tx.storeCategory.update({ where: { id: c.id }, data: columns });
      report.categories.updated.push(c.id);
    }
  }
}

/**
 * Imports `catalog`: creates what is missing, updates what an earlier import created, keeps what
 * operators own (see the file comment); an offer the file changes gets a new version. Idempotent:
 * importing the same file again changes nothing (every row `unchanged`). Throws DbError
 * STORE_CATALOG_INVALID (details: entry "offer" or "category", id, field, character) when a name or
 * description is not text players may be shown (core storeCatalogTextProblem: control characters,
 * bidirectional overrides), INTERNAL (e.g. an imported offer naming an operator category that was
 * removed), CONNECTION_FAILED; nothing is imported then.
 */
export async function importStoreCatalog(db: DbClient, options: ImportStoreCatalogOptions): Promise<ImportStoreCatalogReport> {
  const problem = storeCatalogTextProblem(options.catalog);
  if (problem) {
    const { entry, id, field, character } = problem;
    throw new DbError(
      DB_ERROR_CODES.STORE_CATALOG_INVALID,
      `Store ${entry} ${id}: ${field} must not hold ${character}, a control or bidirectional-override character`,
      {
        details: { ...problem },
      },
    );
  }
  const report: ImportStoreCatalogReport = {
    skippedNotEmpty: false,
    categories: { created: [], updated: [], unchanged: [], keptOperator: [] },
    offers: { created: [], updated: [], unchanged: [], keptOperator: [] },
  };
  try {
    return await runTransaction(
      db,
      async (tx) => {
        // One import at a time (two servers starting together, or the CLI racing a start).
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
        if (options.onlyIfEmpty && (await tx.storeOffer.count()) > 0) return { ...report, skippedNotEmpty: true };
        await importCategories(tx, options.catalog.categories, report);
        for (const o of options.catalog.offers) {
          const existing = await tx.storeOffer.findUnique({ where: { id: o.id }, select: OFFER_IMPORTED_SELECT });
          const columns = offerColumns(o);
          if (!existing) {
            // The stock is live state: the import stocks a new offer, and leaves a known one's count alone.
            await tx.storeOffer.create({ data: { id: o.id, ...columns, stock: o.stock ?? null, origin: "import" } });
            report.offers.created.push(o.id);
          } else if (existing.origin !== "import") report.offers.keptOperator.push(o.id);
          else if (holds(existing, columns)) report.offers.unchanged.push(o.id);
          else {
            await tx.storeOffer.update({ where: { id: o.id }, data: { ...columns, version: { increment: 1 } } });
            report.offers.updated.push(o.id);
          }
        }
        return report;
      },
      { maxWait: 15_000, timeout: 60_000 },
    );
  } catch (error) {
    throw toDbError(error, "Importing the store catalog failed");
  }
}
