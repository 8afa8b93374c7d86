import { restockOffer } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { intArg } from "../args";
import { gmCommand, ID } from "../command";

/**
 * `!store_restock <offer> <amount> <version>`: adds units to an offer's limited stock at the
 * version the admin saw (`!store` and `bezgelor store offer show`); another edit in between is
 * refused with the current version (DbError STORE_VERSION_CONFLICT) and nothing changes.
 */
export const storeRestock = gmCommand({
  name: "store_restock",
  role: "admin",
  usage: "!store_restock <offer> <amount> <version>",
  summary: "restock a store offer",
  maxArgs: 3,
  async run(ctx, args) {
    const offerId = intArg(args[0], "offer", this.usage, ID);
    const amount = intArg(args[1], "amount", this.usage, { min: 1, max: 1_000_000_000 });
    const expectedVersion = intArg(args[2], "version", this.usage, ID);
    const { result } = await restockOffer(ctx.services.db, { ...playerActionOptions(ctx), offerId, amount, expectedVersion });
    return `offer ${result.id} ${result.name}: ${result.stock} in stock, version ${result.version}${result.changed ? "" : " (unchanged)"}`;
  },
});
