import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import { toOfferRecord, type StoreOfferRecord } from "./store-offer-record.js";

/**
 * An operator's edit of an offer: available (sold) or not, and optionally featured. The offer
 * becomes the operator's (`origin` 'operator'), so later catalog imports leave it alone.
 * Throws DbError STORE_OFFER_NOT_FOUND.
 */
export async function setOfferAvailability(db: DbClient, options: { offerId: number; available: boolean; featured?: boolean }): Promise<StoreOfferRecord> {
  try {
    const rows = await db.storeOffer.updateManyAndReturn({
      where: { id: options.offerId },
      data: { available: options.available, ...(options.featured === undefined ? {} : { featured: options.featured }), origin: "operator" },
    });
    const row = rows[0];
    if (!row) throw new DbError(DB_ERROR_CODES.STORE_OFFER_NOT_FOUND, `No store offer ${options.offerId}`, { details: { offerId: options.offerId } });
    return toOfferRecord(row);
  } catch (error) {
    throw toDbError(error, `Setting the availability of offer ${options.offerId} failed`);
  }
}
