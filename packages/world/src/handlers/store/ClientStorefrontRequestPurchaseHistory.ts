import { listPurchases } from "@bezgelor/db";
import { ServerStorePurchaseHistory } from "@bezgelor/protocol";
import { purchaseHistoryValue } from "../../game/store-packets";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/** How many purchases the history shows, newest first. */
export const PURCHASE_HISTORY_LIMIT = 100;

/**
 * ClientStorefrontRequestPurchaseHistory 0x082E, answered with ServerStorePurchaseHistory 0x098E:
 * the account's latest {@link PURCHASE_HISTORY_LIMIT} purchases (gifts included), newest first.
 */
export const clientStorefrontRequestPurchaseHistory = handler("ClientStorefrontRequestPurchaseHistory", {
  states: IN_WORLD,
  async handle({ session, services }) {
    const purchases = await listPurchases(services.db, { accountId: session.requireAccount().id, limit: PURCHASE_HISTORY_LIMIT });
    session.send(ServerStorePurchaseHistory, purchaseHistoryValue(purchases));
  },
});
