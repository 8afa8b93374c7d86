// VIP tier rewards: paid once per account and tier, ever, through claimLevelRewards on the `vip`
// track (the tier id is the level). A purchase that lifts the spend into a tier, or an admin setting
// a tier, pays every tier up to it not paid before; losing and regaining a tier pays nothing again.
import { vipTiersUpTo } from "@bezgelor/core";
import type { VipTier } from "@bezgelor/data";
import type { ActionContext } from "../actions/action.js";
import { changeBalance } from "../currency/change-currency.js";
import { claimLevelRewards } from "../level-rewards/claim-level-rewards.js";

/** The reward track of VIP tiers. */
export const VIP_REWARD_TRACK = "vip";

/** Pays the rewards of every tier up to `tier` the account was not paid before; returns the tier ids paid now. */
export async function payVipRewards(ctx: ActionContext, accountId: number, tier: VipTier | null): Promise<number[]> {
  const ladder = vipTiersUpTo(ctx.rules.data.vipTiers.all(), tier);
  if (ladder.length === 0) return [];
  const claimed = await claimLevelRewards(ctx, { owner: { kind: "account", id: accountId }, track: VIP_REWARD_TRACK, levels: ladder.map((t) => t.id) });
  for (const id of claimed) {
    const paid = ladder.find((t) => t.id === id)!;
    for (const reward of paid.rewards) {
      if (reward.amount > 0n)
        await changeBalance(ctx, { currency: reward.currency, accountId, delta: reward.amount, reason: `VIP tier ${paid.id} (${paid.name})`, source: "vip" });
    }
  }
  return claimed;
}
