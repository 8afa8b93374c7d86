import { reputationDeltas } from "@bezgelor/core";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { characterAccountId } from "../characters/character-account.js";
import { grantCollectibleRewards, type GrantedCollectible } from "../collections/grant-collectible-rewards.js";
import { applyReputation, type AwardedReputation } from "../reputation/award-reputation.js";
import { checkTitles } from "../titles/check-titles.js";
import { IdSchema } from "../validation.js";
import { insertAchievement } from "./insert-achievement.js";

const Input = z.object({ characterId: IdSchema, achievementId: IdSchema });

/** The input of {@link grantAchievement}. */
export type GrantAchievementInput = z.input<typeof Input>;

/** What {@link grantAchievement} returns. */
export interface GrantAchievementResult {
  /** False when the character had earned it already (nothing changed, no event). */
  granted: boolean;
  /** When it was first earned. */
  earnedAt: Date;
  reputation: AwardedReputation[];
  /** Titles granted by its reputation's level changes, then by the achievement itself. */
  titles: number[];
  /** The mounts, pets and vanity pets it newly unlocked for the whole account (not those the account had). */
  collectibles: GrantedCollectible[];
}

/**
 * The character earns an achievement the game data defines, once: the achievement, its reputation
 * rewards (source "achievement <id>"), the titles they and the achievement unlock, and the mounts
 * and pets it grants (to the whole account, source "achievement"; another character of the account
 * earning it later adds nothing) are one transaction, so rewards come exactly once. Events:
 * achievement.earned, reputation.changed, title.granted, collection.unlocked. Earning it again
 * changes nothing and emits nothing.
 * Throws DbError UNKNOWN_GAME_DATA (no such achievement), CHARACTER_NOT_FOUND, INVALID_INPUT.
 */
export const grantAchievement = defineAction({
  name: "achievement.grant",
  input: Input,
  describe: (i) => `Granting achievement ${i.achievementId} to character ${i.characterId}`,
  async run(ctx, i): Promise<GrantAchievementResult> {
    const { characterId, achievementId } = i;
    const achievement = requireDefinition(ctx.rules.data.achievements, "achievement", achievementId);
    const accountId = await characterAccountId(ctx.tx, characterId);
    const earned = await insertAchievement(ctx.tx, characterId, achievementId);
    if (!earned.granted) return { ...earned, reputation: [], titles: [], collectibles: [] };
    ctx.emit({ kind: "achievement.earned", accountId, characterId, achievementId, earnedAt: earned.earnedAt });
    ctx.step("achievement.earned");
    const ids = { accountId, characterId };
    const reputation = await applyReputation(ctx, {
      ...ids,
      changes: reputationDeltas(achievement.rewards.reputation),
      source: `achievement ${achievementId}`,
    });
    const titles = [...reputation.titles, ...(await checkTitles(ctx, ids, { type: "achievement", achievementId }))];
    const collectibles = await grantCollectibleRewards(ctx, achievement.rewards.collectibles, { ...ids, scope: "account", source: "achievement" });
    return { ...earned, reputation: reputation.changes, titles, collectibles };
  },
});
