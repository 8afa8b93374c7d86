import { getOffer, type StoreOfferRecord } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str } from "../command";
import { parseId } from "./store-options";
import { flagNames, offerLine } from "./store-view";

export const storeOfferShow = defineCommand({
  path: ["store", "offer", "show"],
  role: "gm",
  summary: "show one store offer (exit 3 when unknown)",
  options: { offer: { type: "string", description: "offer id", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const offerId = parseId("offer", str(o, "offer"));
    const offer = await getOffer(client, { offerId });
    if (!offer) throw new WorldError("NOT_FOUND", `no store offer ${offerId}`);
    ctx.print(offer, (v: StoreOfferRecord) =>
      [
        offerLine(v),
        `  category ${v.categoryId}, ${v.accountWide ? "account-wide" : "for the buying character"}, display: ${flagNames(v.displayFlags).join(", ") || "none"}`,
        `  ${v.description}`,
        `  grants: ${JSON.stringify(v.grants, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x))}`,
      ].join("\n"),
    );
  },
});
