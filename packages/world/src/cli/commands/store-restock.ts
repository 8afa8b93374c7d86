import { MAX_STORE_STOCK } from "@bezgelor/data";
import { restockOffer } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { cliActor } from "../currency-change";
import { parseVersion, parseWhole } from "./store-economy-view";
import { parseId } from "./store-options";
import { editedOfferLines, opt } from "./store-view";

export const storeRestock = defineCommand({
  path: ["store", "restock"],
  role: "admin",
  summary:
    "add units to an offer's limited stock (or --amount unlimited) at the version you saw (exit 4 with the current version when another edit came first; unlimited when it already is changes nothing and keeps the version)",
  options: {
    offer: { type: "string", description: "offer id", required: true },
    amount: { type: "string", description: "units to add, or 'unlimited'", required: true },
    "expected-version": { type: "string", description: "the offer's version you saw (store offer show)", required: true },
  },
  printsData: true,
  async run(ctx, o) {
    const offerId = parseId("offer", str(o, "offer"));
    const amount = opt(o, "amount") === "unlimited" ? ("unlimited" as const) : parseWhole("amount", str(o, "amount"), 1, MAX_STORE_STOCK);
    const expectedVersion = parseVersion(str(o, "expected-version"));
    const { client } = await ctx.openDatabase();
    const base = { rules: await ctx.loadRules(), actor: cliActor(), offerId, expectedVersion };
    const { result } = await restockOffer(client, amount === "unlimited" ? { ...base, unlimited: true } : { ...base, amount });
    ctx.print(result, editedOfferLines);
  },
});
