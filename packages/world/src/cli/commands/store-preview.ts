import { getAccountByEmail, getOffer, previewOffer, type OfferPreview } from "@bezgelor/db";
import { MAX_STORE_QUANTITY, STORE_CURRENCY } from "@bezgelor/data";
import { WorldError } from "../../errors";
import { defineCommand, str } from "../command";
import { parseWhole, previewLines } from "./store-economy-view";
import { parseId, parseStoreCurrency } from "./store-options";
import { opt } from "./store-view";

export const storePreview = defineCommand({
  path: ["store", "preview"],
  role: "gm",
  summary: "price an offer step by step (base, demand per unit, exchange, discounts and their sources, VIP, final) exactly as a purchase would charge now",
  options: {
    offer: { type: "string", description: "offer id", required: true },
    quantity: { type: "string", description: "units, each at its place in the demand sequence", default: "1" },
    currency: { type: "string", description: "premium|bonus|gold (default: the offer's first currency)" },
    email: { type: "string", description: "price for this account (its VIP tier and what it owns)" },
  },
  printsData: true,
  async run(ctx, o) {
    const offerId = parseId("offer", str(o, "offer"));
    const quantity = parseWhole("quantity", str(o, "quantity"), 1, MAX_STORE_QUANTITY);
    const { client } = await ctx.openDatabase();
    const given = opt(o, "currency");
    let currency = given === undefined ? undefined : parseStoreCurrency(given);
    if (currency === undefined) {
      const offer = await getOffer(client, { offerId });
      if (!offer) throw new WorldError("NOT_FOUND", `no store offer ${offerId}`);
      currency = STORE_CURRENCY.find((c) => offer.prices[c] !== undefined)!;
    }
    const email = opt(o, "email");
    const account = email === undefined ? undefined : await getAccountByEmail(client, { email });
    const rules = await ctx.loadRules();
    const preview = await previewOffer(client, { data: rules.data, offerId, currency, quantity, ...(account ? { accountId: account.id } : {}) });
    ctx.print(preview, (p: OfferPreview) => previewLines(p));
  },
});
