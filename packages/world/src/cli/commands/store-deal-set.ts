import { setDailyDeal } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { parseDate, parseId, parsePercent } from "./store-options";

export const storeDealSet = defineCommand({
  path: ["store", "deal", "set"],
  role: "admin",
  summary: "set the daily deal of a UTC date (one per date; setting it again replaces it)",
  options: {
    date: { type: "string", description: "UTC date YYYY-MM-DD", required: true },
    offer: { type: "string", description: "offer id", required: true },
    percent: { type: "string", description: "percent off, 1..100 (0 % is no discount)", required: true },
  },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const deal = await setDailyDeal(client, {
      date: parseDate("date", str(o, "date")),
      offerId: parseId("offer", str(o, "offer")),
      percent: parsePercent(str(o, "percent")),
    });
    ctx.print(deal, (d: typeof deal) => `daily deal ${d.date}: offer ${d.offerId} at ${d.percent} % off`);
  },
});
