// The store as one account sees it, sent as NexusForever's catalog handler orders it:
// ServerAccountCurrencySet (the balances), ServerStoreCategories, ServerStoreOffers (every price
// from the pricing the purchase charges with, VIP included, at one moment), ServerStoreFinalise.
// Used when the client asks (ClientStorefrontRequestCatalog) and when an admin changes an offer
// while the store is open (the store.catalog-changed event).
import type { GameData } from "@bezgelor/data";
import { getBalances, getStoreCatalog, type DbClient } from "@bezgelor/db";
import { ServerStoreCategories, ServerStoreFinalise, ServerStoreOffers } from "@bezgelor/protocol";
import type { LastCatalog } from "../journal/last-catalog";
import type { Session } from "../server/session";
import { accountCurrenciesPacket } from "./currency-packets";
import { storeCategoriesValue, storeOffersValue } from "./store-packets";

/**
 * Reads the balances and the account's catalog, remembers its prices (for purchases journaled
 * while the database is down), then sends the four packets. Both reads run before anything is
 * sent, so a failed read sends nothing. Throws what the reads throw (DbError).
 */
export async function sendStoreCatalog(session: Session, deps: { db: DbClient; data: GameData; lastCatalog: LastCatalog }): Promise<void> {
  const now = new Date();
  const accountId = session.requireAccount().id;
  // Priced for this buyer: VIP, and a bundle's parts owned by the account or the character in the world.
  const characterId = session.character?.id ?? null;
  const [balances, catalog] = await Promise.all([
    getBalances(deps.db, { accountId }),
    getStoreCatalog(deps.db, { now, accountId, characterId, data: deps.data }),
  ]);
  deps.lastCatalog.remember(catalog, accountId);
  session.deliver(accountCurrenciesPacket(balances));
  session.send(ServerStoreCategories, storeCategoriesValue(catalog));
  session.send(ServerStoreOffers, storeOffersValue(catalog, now));
  session.send(ServerStoreFinalise, {});
  session.storeOpen = true;
  session.logger.debug({ categories: catalog.categories.length, offers: catalog.offers.length }, "store catalog sent");
}
