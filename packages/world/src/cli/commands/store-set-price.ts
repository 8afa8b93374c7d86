import { setOfferPrice } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { cliActor } from "../currency-change";
import { parseVersion } from "./store-economy-view";
import { parseId, parseStorePrice, parseStoreCurrency } from "./store-options";
import { editedOfferLines } from "./store-view";

export const storeSetPrice = defineCommand({
  path: ["store", "set-price"],
  role: "admin",
  summary:
    "set an offer's price in one currency at the version you saw (exit 4 with the current version when another edit came first; the price it already has changes nothing and keeps the version)",
  options: {
    offer: { type: "string", description: "offer id", required: true },
    currency: { type: "string", description: "premium|bonus|gold", required: true },
    price: {
      type: "string",
      description:
        "the new base price, 1 or more (a free offer is a promo code's offer:ID reward or a 100 % promotion or deal), or 'none' to stop selling it in this currency",
      required: true,
    },
    "expected-version": { type: "string", description: "the offer's version you saw (store offer show)", required: true },
  },
  printsData: true,
  async run(ctx, o) {
    const offerId = parseId("offer", str(o, "offer"));
    const currency = parseStoreCurrency(str(o, "currency"));
    const price = str(o, "price") === "none" ? null : parseStorePrice("price", str(o, "price"));
    const expectedVersion = parseVersion(str(o, "expected-version"));
    const { client } = await ctx.openDatabase();
    const { result } = await setOfferPrice(client, { rules: await ctx.loadRules(), actor: cliActor(), offerId, currency, price, expectedVersion });
    ctx.print(result, editedOfferLines);
  },
});
