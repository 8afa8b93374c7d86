import { getBalances, getStoreCatalog } from "@bezgelor/db";
import { ServerStoreCategories, ServerStoreFinalise, ServerStoreOffers } from "@bezgelor/protocol";
import { accountCurrenciesPacket } from "../../game/currency-packets";
import { storeCategoriesValue, storeOffersValue } from "../../game/store-packets";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * ClientStorefrontRequestCatalog 0x082D, answered as NexusForever's catalog handler orders it:
 * ServerAccountCurrencySet (the balances), ServerStoreCategories, ServerStoreOffers (every price
 * from the pricing the purchase charges with, at one moment: the next unit at each offer's place
 * in its demand sequence, with this account's VIP discount), ServerStoreFinalise. Both reads
 * run before anything is sent, so a failed read sends nothing (ServerRequestResult UNAVAILABLE).
 */
export const clientStorefrontRequestCatalog = handler("ClientStorefrontRequestCatalog", {
  states: IN_WORLD,
  async handle({ session, services }) {
    const now = new Date();
    const accountId = session.requireAccount().id;
    const [balances, catalog] = await Promise.all([
      getBalances(services.db, { accountId }),
      getStoreCatalog(services.db, { now, accountId, data: services.data }),
    ]);
    services.lastCatalog.remember(catalog, accountId);
    session.deliver(accountCurrenciesPacket(balances));
    session.send(ServerStoreCategories, storeCategoriesValue(catalog));
    session.send(ServerStoreOffers, storeOffersValue(catalog, now));
    session.send(ServerStoreFinalise, {});
    session.logger.debug({ categories: catalog.categories.length, offers: catalog.offers.length }, "store catalog sent");
  },
});
