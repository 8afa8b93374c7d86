import { STORE_ERROR } from "@bezgelor/db";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { buyFromStore, sendPurchaseResult } from "./store-purchase";

/**
 * ClientStorefrontPurchaseAccount 0x0828: buy an offer for the account, or as a gift when
 * `recipient` names a character (a mutual friend who does not ignore the buyer; the gift arrives
 * as a gift mail with `note` as its text, and is refunded if it comes back), answered with
 * ServerStorePurchaseResult 0x098C (see `buyFromStore`). The character in the world pays gold and
 * sends the gift.
 */
export const clientStorefrontPurchaseAccount = handler("ClientStorefrontPurchaseAccount", {
  states: IN_WORLD,
  handle: (ctx, { purchase, recipient, note }) => buyFromStore(ctx, { purchase, gift: { recipient, note } }),
  onUnavailable: (ctx) => sendPurchaseResult(ctx, STORE_ERROR.CatalogUnavailable),
  // The client waits for its ServerStorePurchaseResult: any other failure is GenericFail, never silence.
  onFailure: (ctx) => sendPurchaseResult(ctx, STORE_ERROR.GenericFail),
});
