import { createPromotion } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str } from "../command";
import { parseId, parsePercent, parseTime } from "./store-options";
import { opt } from "./store-view";

export const storePromotionCreate = defineCommand({
  path: ["store", "promotion", "create"],
  role: "admin",
  summary: "create a promotion: --percent off everything, a --category (with its subcategories) or an --offer, from --starts until --ends (excluded)",
  options: {
    name: { type: "string", description: "name shown with the discount", required: true },
    percent: { type: "string", description: "percent off, 1..100 (0 % is no discount)", required: true },
    starts: { type: "string", description: "ISO 8601 time with a zone (first second included)", required: true },
    ends: { type: "string", description: "ISO 8601 time with a zone (excluded)", required: true },
    category: { type: "string", description: "category id (with its subcategories)" },
    offer: { type: "string", description: "offer id" },
  },
  printsData: true,
  async run(ctx, o) {
    const category = opt(o, "category");
    const offer = opt(o, "offer");
    if (category !== undefined && offer !== undefined) throw new WorldError("USAGE", "give --category or --offer, not both");
    const scope =
      category !== undefined
        ? { kind: "category" as const, categoryId: parseId("category", category) }
        : offer !== undefined
          ? { kind: "offer" as const, offerId: parseId("offer", offer) }
          : { kind: "all" as const };
    const { client } = await ctx.openDatabase();
    const promotion = await createPromotion(client, {
      name: str(o, "name"),
      percent: parsePercent(str(o, "percent")),
      startsAt: parseTime("starts", str(o, "starts")),
      endsAt: parseTime("ends", str(o, "ends")),
      scope,
    });
    ctx.print(
      promotion,
      (p: typeof promotion) =>
        `promotion ${p.id} "${p.name}": ${p.percent} % off ${p.scope.kind} from ${p.startsAt.toISOString()} until ${p.endsAt.toISOString()}`,
    );
  },
});
