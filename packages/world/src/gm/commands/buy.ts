import { STORE_CURRENCY } from "@bezgelor/data";
import { getOffer, purchaseOffer } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { playerActionOptions } from "../../game/action-options";
import { intArg } from "../args";
import { callerIds, gmCommand, ID } from "../command";
import { chatLine, currencyArg } from "../store-replies";

/**
 * `!buy <offer> <quantity> [currency]`: buys for the caller's account and character at the price
 * of each unit's place now (the one `!store` shows; a promotion or a sale in between changes it),
 * in the offer's first currency unless one is named. Refusals (out of stock, the day's limit,
 * not enough currency, owned) are the purchase's DbError.
 */
export const buy = gmCommand({
  name: "buy",
  role: "player",
  usage: "!buy <offer> <quantity> [currency]",
  summary: "buy from the store",
  maxArgs: 3,
  async run(ctx, args) {
    const [offerArg, quantityArg, currencyArg_] = args;
    const offerId = intArg(offerArg, "offer", this.usage, ID);
    const quantity = intArg(quantityArg, "quantity", this.usage, { min: 1, max: 1000 });
    const offer = await getOffer(ctx.services.db, { offerId });
    if (!offer) throw new WorldError("NOT_FOUND", `no store offer ${offerId}`);
    const currency = currencyArg_ === undefined ? STORE_CURRENCY.find((c) => offer.prices[c] !== undefined)! : currencyArg(currencyArg_, this.usage);
    const { accountId, characterId } = callerIds(ctx);
    const { result } = await purchaseOffer(ctx.services.db, { ...playerActionOptions(ctx), accountId, characterId, offerId, quantity, currency });
    await ctx.services.events.flush();
    return chatLine([
      `bought ${result.quantity} x ${offer.name} for ${result.amountPaid} ${result.currency}`,
      ...(result.balanceAfter === null ? [] : [`balance ${result.balanceAfter}`]),
      ...(result.vipRewardsPaid.length > 0 ? [`VIP tier ${result.vipTier} reached`] : []),
      `tx ${result.transactionId}`,
    ]);
  },
});
