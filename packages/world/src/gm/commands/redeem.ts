import { MAX_PROMO_CODE_LENGTH } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { describeRewards, redeemCode } from "../../game/redeem-code";
import { gmCommand, REST_OF_LINE } from "../command";

/**
 * `!redeem CODE`: any player redeems a promo code for their account and the character in the
 * world (the same redemption as ClientPromoCodeRedeem). Refusals (unknown, expired, used up,
 * redeemed already, rate limited) come back as ServerRequestResult with the reason.
 */
export const redeem = gmCommand({
  name: "redeem",
  role: "player",
  usage: "!redeem <code>",
  summary: "redeem a promo code",
  maxArgs: REST_OF_LINE,
  async run(ctx, args) {
    const code = args.join(" ").trim();
    if (code.length === 0) throw new WorldError("INVALID_INPUT", `usage: ${this.usage}`);
    if (code.length > MAX_PROMO_CODE_LENGTH) throw new WorldError("INVALID_INPUT", `a promo code is at most ${MAX_PROMO_CODE_LENGTH} characters`);
    const result = await redeemCode(ctx, code);
    return `redeemed ${result.code}: ${describeRewards(ctx.services.data, result.rewards)}`;
  },
});
