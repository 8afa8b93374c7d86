import { STORE_ERROR } from "@bezgelor/db";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { buyFromStore, sendPurchaseResult } from "./store-purchase";

/**
 * ClientStorefrontPurchaseCharacter 0x082A: buy an offer with the character in the world as the
 * buyer (gold from it; premium and bonus from its account; character-bound offers to it),
 * answered with ServerStorePurchaseResult 0x098C (see `buyFromStore`). The request's `target` is
 * not trusted: the buyer is the session's character.
 */
export const clientStorefrontPurchaseCharacter = handler("ClientStorefrontPurchaseCharacter", {
  states: IN_WORLD,
  handle: (ctx, { purchase }) => buyFromStore(ctx, { purchase }),
  onUnavailable: (ctx) => sendPurchaseResult(ctx, STORE_ERROR.CatalogUnavailable),
  // The client waits for its ServerStorePurchaseResult: any other failure is GenericFail, never silence.
  onFailure: (ctx) => sendPurchaseResult(ctx, STORE_ERROR.GenericFail),
});
