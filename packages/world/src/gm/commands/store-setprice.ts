import { MAX_STORE_PRICE, MIN_STORE_PRICE } from "@bezgelor/data";
import { setOfferPrice } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { intArg } from "../args";
import { gmCommand, ID } from "../command";
import { currencyArg } from "../store-replies";

/**
 * `!store_setprice <offer> <currency> <price> <version>`: sets an offer's base price in one
 * currency at the version the admin saw; another edit in between is refused with the current
 * version (DbError STORE_VERSION_CONFLICT) and nothing changes. The price it already has changes
 * nothing (the version is kept, the reply says unchanged). The price is
 * MIN_STORE_PRICE..MAX_STORE_PRICE (never 0), as for `bezgelor store set-price`.
 */
export const storeSetprice = gmCommand({
  name: "store_setprice",
  role: "admin",
  usage: "!store_setprice <offer> <currency> <price> <version>",
  summary: "set a store offer's price",
  maxArgs: 4,
  async run(ctx, args) {
    const offerId = intArg(args[0], "offer", this.usage, ID);
    const currency = currencyArg(args[1] ?? "", this.usage);
    const price = BigInt(intArg(args[2], "price", this.usage, { min: Number(MIN_STORE_PRICE), max: Number(MAX_STORE_PRICE) }));
    const expectedVersion = intArg(args[3], "version", this.usage, ID);
    const { result } = await setOfferPrice(ctx.services.db, { ...playerActionOptions(ctx), offerId, currency, price, expectedVersion });
    return `offer ${result.id} ${result.name}: ${result.prices[currency]} ${currency}, version ${result.version}${result.changed ? "" : " (unchanged: it already had that price)"}`;
  },
});
