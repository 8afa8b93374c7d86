import { getCatalogPage } from "@bezgelor/db";
import { intArg } from "../args";
import { callerIds, gmCommand, ID } from "../command";
import { chatLine, currencyArg } from "../store-replies";

const PER_PAGE = 5;

/**
 * `!store [page] [category] [currency]`: a page of the catalog as this player is charged (VIP
 * discount, the next unit's demand price), five offers a page, optionally of one category (and its
 * subcategories) and one currency.
 */
export const store = gmCommand({
  name: "store",
  role: "player",
  usage: "!store [page] [category] [currency]",
  summary: "browse the store, a page at a time",
  maxArgs: 3,
  async run(ctx, args) {
    const [pageArg, categoryArg, currencyArg_] = args;
    const page = pageArg === undefined ? 1 : intArg(pageArg, "page", this.usage, { min: 1, max: 100_000 });
    const categoryId = categoryArg === undefined || categoryArg === "all" ? undefined : intArg(categoryArg, "category", this.usage, ID);
    const currency = currencyArg_ === undefined ? undefined : currencyArg(currencyArg_, this.usage);
    const result = await getCatalogPage(ctx.services.db, {
      page,
      perPage: PER_PAGE,
      data: ctx.services.data,
      ...callerIds(ctx),
      ...(categoryId === undefined ? {} : { categoryId }),
      ...(currency === undefined ? {} : { currency }),
    });
    if (result.total === 0) return "the store has no offers for that";
    if (result.offers.length === 0) return `the store has ${result.pages} page${result.pages === 1 ? "" : "s"} for that, not ${result.page}`;
    const offers = result.offers.map(
      ({ offer, prices }) =>
        `${offer.id} ${offer.name}: ${prices.map((p) => `${p.unitPrice} ${p.currency}`).join("/")}${offer.stock === null ? "" : ` (${offer.stock} left)`}`,
    );
    const next = result.page < result.pages ? [`next: !store ${result.page + 1}`] : [];
    return chatLine([`store ${result.page}/${result.pages}`, ...offers, ...next]);
  },
});
