import { getPromoCode, type PromoCodeRecord } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str } from "../command";
import { promoLine } from "./promo-view";

export const promoShow = defineCommand({
  path: ["promo", "show"],
  role: "gm",
  summary: "show one promo code (exit 3 when unknown)",
  options: { code: { type: "string", description: "the code", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const promo = await getPromoCode(client, { code: str(o, "code") });
    if (!promo) throw new WorldError("NOT_FOUND", `no promo code ${str(o, "code").trim().toUpperCase()}`);
    ctx.print(promo, (p: PromoCodeRecord) => promoLine(p));
  },
});
