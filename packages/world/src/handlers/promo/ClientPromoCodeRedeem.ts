import { unshownCharacter } from "@bezgelor/core";
import { DbError, isDatabaseUnavailable, isInputValidationError } from "@bezgelor/db";
import { PROMO_CODE_RESULT, ServerPromoCodeResult } from "@bezgelor/protocol";
import { describeRewards, PROMO_RESULT_BY_ERROR, redeemCode, wireReward } from "../../game/redeem-code";
import { fitText } from "../../server/fit-text";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * Extension ClientPromoCodeRedeem 0xF060: redeem a promo code for the player in the world,
 * answered with ServerPromoCodeResult 0xF061 (Ok with the rewards granted, or why not: not found,
 * not started, expired, redeemed already, used up, rate limited, a character needed). The
 * rewards' balances, collection unlocks and titles arrive through their own packets first. A
 * refusal changes nothing but the failed-attempt count of the rate limit.
 */
export const clientPromoCodeRedeem = handler("ClientPromoCodeRedeem", {
  states: IN_WORLD,
  async handle(ctx, { code }) {
    const { session, services } = ctx;
    const text = (message: string) => fitText(ServerPromoCodeResult.fields.message, message);
    try {
      const result = await redeemCode(ctx, code);
      session.send(ServerPromoCodeResult, {
        result: PROMO_CODE_RESULT.Ok,
        code: result.code,
        rewards: result.rewards.map(wireReward),
        message: text(`Redeemed ${result.code}: ${describeRewards(services.data, result.rewards)}`),
      });
    } catch (error) {
      const result = error instanceof DbError && !isDatabaseUnavailable(error) ? PROMO_RESULT_BY_ERROR[error.code] : undefined;
      if (result === undefined || !(error instanceof DbError)) throw error;
      session.logger.info({ code: error.code, result, ...error.details }, `promo code refused: ${error.message}`);
      // The validator's own words are for the log; the player is told plainly.
      const plainly = isInputValidationError(error) ? "That is not a valid promo code." : undefined;
      session.send(ServerPromoCodeResult, {
        result,
        // A code holding what no code may (a control or override character) is not echoed back.
        code: unshownCharacter(code) === undefined ? fitText(ServerPromoCodeResult.fields.code, code.trim().toUpperCase()) : "",
        rewards: [],
        message: text(plainly ?? error.message),
      });
    }
  },
  onUnavailable: ({ session }, { code }) =>
    session.send(ServerPromoCodeResult, {
      result: PROMO_CODE_RESULT.Failed,
      code: fitText(ServerPromoCodeResult.fields.code, code.trim().toUpperCase()),
      rewards: [],
      message: "The store is unavailable; try again later",
    }),
});
