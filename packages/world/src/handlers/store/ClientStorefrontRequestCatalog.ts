import { sendStoreCatalog } from "../../game/store-catalog";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * ClientStorefrontRequestCatalog 0x082D, answered as NexusForever's catalog handler orders it:
 * ServerAccountCurrencySet, ServerStoreCategories, ServerStoreOffers, ServerStoreFinalise (see
 * `game/store-catalog.ts`). A failed read sends nothing (ServerRequestResult UNAVAILABLE). From
 * then on the session is sent the catalog again whenever an admin changes an offer.
 */
export const clientStorefrontRequestCatalog = handler("ClientStorefrontRequestCatalog", {
  states: IN_WORLD,
  handle: ({ session, services }) => sendStoreCatalog(session, services),
});
