import { disablePromoCode, type PromoCodeRecord } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { promoLine } from "./promo-view";

export const promoDisable = defineCommand({
  path: ["promo", "disable"],
  role: "admin",
  summary: "disable a promo code (redeeming it is then 'not found'); idempotent",
  options: { code: { type: "string", description: "the code", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    ctx.print(await disablePromoCode(client, { code: str(o, "code") }), (p: PromoCodeRecord) => `disabled ${promoLine(p)}`);
  },
});
