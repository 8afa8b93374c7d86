import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import type { ExchangeRate } from "@bezgelor/core";
import { loadExchangeRates, toOfferRecord, type StoreOfferRecord } from "./store-offer-record.js";

/** Every offer, by id (available or not). Throws DbError INTERNAL, CONNECTION_FAILED. */
export async function listOffers(db: DbClient): Promise<StoreOfferRecord[]> {
  try {
    return (await db.storeOffer.findMany({ orderBy: { id: "asc" } })).map(toOfferRecord);
  } catch (error) {
    throw toDbError(error, "Listing store offers failed");
  }
}

/** The offer, or null. Throws DbError INTERNAL, CONNECTION_FAILED. */
export async function getOffer(db: DbClient, options: { offerId: number }): Promise<StoreOfferRecord | null> {
  try {
    const row = await db.storeOffer.findUnique({ where: { id: options.offerId } });
    return row ? toOfferRecord(row) : null;
  } catch (error) {
    throw toDbError(error, `Reading store offer ${options.offerId} failed`);
  }
}

/**
 * Every exchange rate an admin set, by `from` then `to`, each with its version: the one
 * `setExchangeRate` must be given (`expectedVersion`) to change it. Throws DbError INTERNAL,
 * CONNECTION_FAILED.
 */
export async function listExchangeRates(db: DbClient): Promise<ExchangeRate[]> {
  try {
    return await loadExchangeRates(db);
  } catch (error) {
    throw toDbError(error, "Listing the exchange rates failed");
  }
}
