import { listDailyDeals } from "@bezgelor/db";
import { defineCommand } from "../command";
import { parseDate } from "./store-options";
import { opt } from "./store-view";

export const storeDealList = defineCommand({
  path: ["store", "deal", "list"],
  role: "gm",
  summary: "list daily deals (from --from, a UTC date)",
  options: { from: { type: "string", description: "UTC date YYYY-MM-DD" } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const from = opt(o, "from");
    const deals = await listDailyDeals(client, from === undefined ? {} : { from: parseDate("from", from) });
    ctx.print(deals, (l: typeof deals) => l.map((d) => `${d.date}  offer ${d.offerId}  ${d.percent} %`).join("\n") || "no daily deals");
  },
});
