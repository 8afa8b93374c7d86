// Importing a store catalog (the shipped store-catalog.json, or an operator's file) into the
// database. Who owns a row is its `origin`: rows the import created are 'import' and are updated
// by every later import; rows an operator created or edited (`bezgelor store offer set`) are
// 'operator' and are never touched by an import, even when the file has the same id. Rows not in
// the file are left as they are (purchases refer to them). One transaction: all or nothing.
import { STORE_DISPLAY_FLAG, type StoreCatalog, type StoreCategory, type StoreOffer } from "@bezgelor/data";
import { runTransaction, type DbClient } from "../client.js";
import { toDbError } from "../errors.js";
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
  categories: { created: number[]; updated: number[]; keptOperator: number[] };
  offers: { created: number[]; updated: number[]; keptOperator: number[] };
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
    const existing = await tx.storeCategory.findUnique({ where: { id: c.id }, select: { origin: true } });
    if (!existing) {
      await tx.storeCategory.create({ data: { id: c.id, ...columns, origin: "import" } });
      report.categories.created.push(c.id);
    } else if (existing.origin === "import") {
      await tx.storeCategory.update({ where: { id: c.id }, data: columns });
      report.categories.updated.push(c.id);
    } else report.categories.keptOperator.push(c.id);
  }
}

/**
 * Imports `catalog`: creates what is missing, updates what an earlier import created, keeps what
 * operators own (see the file comment). Idempotent: importing the same file again changes nothing
 * but `updated_at`. Throws DbError INTERNAL (e.g. an imported offer naming an operator category
 * that was removed), CONNECTION_FAILED; nothing is imported then.
 */
export async function importStoreCatalog(db: DbClient, options: ImportStoreCatalogOptions): Promise<ImportStoreCatalogReport> {
  const report: ImportStoreCatalogReport = {
    skippedNotEmpty: false,
    categories: { created: [], updated: [], keptOperator: [] },
    offers: { created: [], updated: [], keptOperator: [] },
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
          const existing = await tx.storeOffer.findUnique({ where: { id: o.id }, select: { origin: true } });
          if (!existing) {
            // The stock is live state: the import stocks a new offer, and leaves a known one's count alone.
            await tx.storeOffer.create({ data: { id: o.id, ...offerColumns(o), stock: o.stock ?? null, origin: "import" } });
            report.offers.created.push(o.id);
          } else if (existing.origin === "import") {
            await tx.storeOffer.update({ where: { id: o.id }, data: offerColumns(o) });
            report.offers.updated.push(o.id);
          } else report.offers.keptOperator.push(o.id);
        }
        return report;
      },
      { maxWait: 15_000, timeout: 60_000 },
    );
  } catch (error) {
    throw toDbError(error, "Importing the store catalog failed");
  }
}
