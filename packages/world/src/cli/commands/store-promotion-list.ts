import { listPromotions } from "@bezgelor/db";
import { defineCommand } from "../command";

export const storePromotionList = defineCommand({
  path: ["store", "promotion", "list"],
  role: "gm",
  summary: "list promotions (--active: only those in force now)",
  options: { active: { type: "boolean", description: "only promotions active now" } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const list = await listPromotions(client, o.active === true ? { activeAt: new Date() } : {});
    ctx.print(
      list,
      (l: typeof list) =>
        l.map((p) => `${p.id}  ${p.name}  ${p.percent} %  ${JSON.stringify(p.scope)}  ${p.startsAt.toISOString()} .. ${p.endsAt.toISOString()}`).join("\n") ||
        "no promotions",
    );
  },
});
