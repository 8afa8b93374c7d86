import { listOffers, type StoreOfferRecord } from "@bezgelor/db";
import { defineCommand } from "../command";
import { offerLine } from "./store-view";

export const storeOfferList = defineCommand({
  path: ["store", "offer", "list"],
  role: "gm",
  summary: "list every store offer with its prices and availability",
  options: {},
  printsData: true,
  async run(ctx) {
    const { client } = await ctx.openDatabase();
    ctx.print(await listOffers(client), (offers: StoreOfferRecord[]) => offers.map(offerLine).join("\n") || "no offers");
  },
});
