import { listPromoCodes, type PromoCodeRecord } from "@bezgelor/db";
import { defineCommand } from "../command";
import { promoLine } from "./promo-view";

export const promoList = defineCommand({
  path: ["promo", "list"],
  role: "gm",
  summary: "list promo codes, newest first",
  options: {},
  printsData: true,
  async run(ctx) {
    const { client } = await ctx.openDatabase();
    ctx.print(await listPromoCodes(client), (l: PromoCodeRecord[]) => l.map(promoLine).join("\n") || "no promo codes");
  },
});
