import { setOfferAvailability, type StoreOfferRecord } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { parseBool, parseId } from "./store-options";
import { offerLine, opt } from "./store-view";

export const storeOfferSet = defineCommand({
  path: ["store", "offer", "set"],
  role: "admin",
  summary: "make an offer available or not (and featured); the offer becomes the operator's and imports leave it alone",
  options: {
    offer: { type: "string", description: "offer id", required: true },
    available: { type: "string", description: "true|false", required: true },
    featured: { type: "string", description: "true|false" },
  },
  printsData: true,
  async run(ctx, o) {
    const offerId = parseId("offer", str(o, "offer"));
    const available = parseBool("available", str(o, "available"));
    const featured = opt(o, "featured") === undefined ? undefined : parseBool("featured", str(o, "featured"));
    const { client } = await ctx.openDatabase();
    const offer = await setOfferAvailability(client, { offerId, available, ...(featured === undefined ? {} : { featured }) });
    ctx.print(offer, (v: StoreOfferRecord) => offerLine(v));
  },
});
