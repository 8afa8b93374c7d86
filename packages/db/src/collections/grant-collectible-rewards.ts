// The mounts and pets a quest or an achievement grants (issue 14), unlocked inside that action's
// transaction through the same unlockCollectible as a purchase: idempotent, with its
// collection.unlocked event, so the world delivers them exactly as it delivers a bought mount.
import { collectibleOfReward, type CollectibleReward } from "@bezgelor/data";
import type { ActionContext } from "../actions/action.js";
import type { CollectibleType } from "./collection-record.js";
import { unlockCollectible } from "./unlock-collectible.js";

/** One collectible a quest or an achievement newly unlocked. */
export interface GrantedCollectible {
  collectibleType: Extract<CollectibleType, "mount" | "pet" | "vanity_pet">;
  collectibleId: number;
}

/** Whose collection the rewards go to, and the source recorded with them. */
export interface CollectibleRewardTarget {
  accountId: number;
  characterId: number;
  /** A quest's rewards go to the character ("character"), an achievement's to the account ("account"). */
  scope: "account" | "character";
  source: "quest" | "achievement";
}

/**
 * Unlocks each reward for `to` in the action's transaction and returns those newly unlocked, in
 * order. A character-scoped reward the account already owns account-wide is skipped (the
 * character can use it already; no row, no event). Emits collection.unlocked per unlock. Throws
 * DbError UNKNOWN_GAME_DATA (a reward the data lacks), ACCOUNT_NOT_FOUND, CHARACTER_NOT_FOUND.
 */
export async function grantCollectibleRewards(
  ctx: ActionContext,
  rewards: readonly CollectibleReward[],
  to: CollectibleRewardTarget,
): Promise<GrantedCollectible[]> {
  const granted: GrantedCollectible[] = [];
  for (const reward of rewards) {
    const collectible = collectibleOfReward(reward);
    if (to.scope === "character" && (await ctx.tx.accountCollection.count({ where: { accountId: to.accountId, ...collectible } })) > 0) continue;
    const { unlocked } = await unlockCollectible.within(ctx, { ...to, ...collectible });
    if (unlocked) granted.push(collectible);
  }
  return granted;
}
