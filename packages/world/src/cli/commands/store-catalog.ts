import { getAccountByEmail, getCatalogPage, type CatalogPage } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str } from "../command";
import { parseWhole } from "./store-economy-view";
import { parseId, parseStoreCurrency } from "./store-options";
import { opt } from "./store-view";

const pageLines = (p: CatalogPage): string =>
  [
    `page ${p.page} of ${p.pages} (${p.total} offers)`,
    ...p.offers.map(
      ({ offer, prices }) =>
        `${offer.id}  ${offer.name}  ${prices.map((x) => `${x.unitPrice} ${x.currency}${x.unitPrice !== x.basePrice || x.exchange ? ` (base ${x.basePrice} ${x.sourceCurrency})` : ""}`).join(", ")}` +
        `${offer.stock === null ? "" : `  ${offer.stock} left`}${offer.demand ? `  +${offer.demand.ratePerUnitBp / 100} %/sold` : ""}${offer.limit ? `  ${offer.limit.count}/${offer.limit.period}` : ""}`,
    ),
  ].join("\n");

export const storeCatalog = defineCommand({
  path: ["store", "catalog"],
  role: "gm",
  summary: "the catalog as players see it, a page at a time, optionally of one category and currency, priced for an account",
  options: {
    page: { type: "string", description: "page, from 1 (one past the last exits 3)", default: "1" },
    "per-page": { type: "string", description: "offers per page, 1 to 100", default: "10" },
    category: { type: "string", description: "only this category (and the ones below it)" },
    currency: { type: "string", description: "only offers sold in premium|bonus|gold" },
    email: { type: "string", description: "price for this account (its VIP tier)" },
  },
  printsData: true,
  async run(ctx, o) {
    const page = parseWhole("page", str(o, "page"), 1, 100_000);
    const perPage = parseWhole("per-page", str(o, "per-page"), 1, 100);
    const category = opt(o, "category");
    const currency = opt(o, "currency");
    const email = opt(o, "email");
    const { client } = await ctx.openDatabase();
    const account = email === undefined ? undefined : await getAccountByEmail(client, { email });
    const rules = await ctx.loadRules();
    const result = await getCatalogPage(client, {
      page,
      perPage,
      data: rules.data,
      ...(category === undefined ? {} : { categoryId: parseId("category", category) }),
      ...(currency === undefined ? {} : { currency: parseStoreCurrency(currency) }),
      ...(account ? { accountId: account.id } : {}),
    });
    // A page past the last is not there, as an unknown offer is not: NOT_FOUND (exit 3), saying how
    // many there are, as `!store` does in game. Page 1 always exists, even of an empty catalog.
    if (result.page > result.pages) {
      const pages = `${result.pages} page${result.pages === 1 ? "" : "s"}`;
      throw new WorldError("NOT_FOUND", `the store has ${pages} of ${perPage} offers for that (${result.total} offers), not page ${result.page}`, {
        details: { page: result.page, pages: result.pages },
      });
    }
    ctx.print(result, pageLines);
  },
});
