import { setOfferAvailability } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { cliActor } from "../currency-change";
import { parseVersion } from "./store-economy-view";
import { parseBool, parseId } from "./store-options";
import { editedOfferLines, opt } from "./store-view";

export const storeOfferSet = defineCommand({
  path: ["store", "offer", "set"],
  role: "admin",
  summary:
    "make an offer available or not (and featured) at the version you saw (exit 4 with the current version when another edit came first); the offer becomes the operator's and imports leave it alone; asking for what it already is changes nothing and keeps the version",
  options: {
    offer: { type: "string", description: "offer id", required: true },
    available: { type: "string", description: "true|false", required: true },
    featured: { type: "string", description: "true|false" },
    "expected-version": { type: "string", description: "the offer's version you saw (store offer show)", required: true },
  },
  printsData: true,
  async run(ctx, o) {
    const offerId = parseId("offer", str(o, "offer"));
    const available = parseBool("available", str(o, "available"));
    const featured = opt(o, "featured") === undefined ? undefined : parseBool("featured", str(o, "featured"));
    const expectedVersion = parseVersion(str(o, "expected-version"));
    const { client } = await ctx.openDatabase();
    const { result: offer } = await setOfferAvailability(client, {
      rules: await ctx.loadRules(),
      actor: cliActor(),
      offerId,
      available,
      expectedVersion,
      ...(featured === undefined ? {} : { featured }),
    });
    ctx.print(offer, editedOfferLines);
  },
});
