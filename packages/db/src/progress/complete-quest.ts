// A quest's completion with every consequence in one transaction: the state (the gate that makes
// racing completions pay once), the gold with its ledger entry, the XP (and levels it reaches), the reputation and the titles its
// level changes unlock, the titles the quest unlocks, the quest's own reward title, and the mounts
// and pets it grants (to the character, source "quest"). If any step
// fails nothing is changed, so the quest can be completed again.
import { reputationDeltas } from "@bezgelor/core";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { characterAccountId } from "../characters/character-account.js";
import { grantExperience, type GrantExperienceResult } from "../characters/grant-experience.js";
import { grantCollectibleRewards, type GrantedCollectible } from "../collections/grant-collectible-rewards.js";
import { changeBalance } from "../currency/change-currency.js";
import { applyReputation, type AwardedReputation } from "../reputation/award-reputation.js";
import { checkTitles } from "../titles/check-titles.js";
import { grantTitle } from "../titles/grant-title.js";
import { IdSchema } from "../validation.js";
import { markQuestCompleted } from "./mark-quest-completed.js";

const Input = z.object({ characterId: IdSchema, questId: IdSchema });

/** The input of {@link completeQuest}. */
export type CompleteQuestInput = z.input<typeof Input>;

/** What {@link completeQuest} returns. */
export interface CompleteQuestResult {
  questId: number;
  /** The gold paid and the balance after; null when the quest pays no gold. */
  gold: { amount: bigint; balance: bigint; ledgerEntryId: bigint } | null;
  /** The quest's XP added (and the level after); null when the quest gives no XP. */
  xp: GrantExperienceResult | null;
  reputation: AwardedReputation[];
  /** Every title granted: by reputation levels, by the quest's unlocks, then its reward title. */
  titles: number[];
  /** The mounts, pets and vanity pets the quest newly unlocked for the character (not those the account owned already). */
  collectibles: GrantedCollectible[];
}

/**
 * Completes an accepted quest and pays the rewards the game data gives it, in one transaction.
 * Events, in order: quest.state-changed (completed), currency.changed (gold, source "quest", reason
 * "quest <id>"), experience.gained (reason "quest") and character.level-changed when a level is
 * reached (grantExperience), reputation.changed per reward, title.granted per title, collection.unlocked per
 * mount or pet newly unlocked for the character (source "quest"). Of concurrent completions
 * exactly one succeeds. Fault hook steps: "quest.completed", "quest.gold", "experience.gained",
 * "character.level-changed", "reputation.changed",
 * "titles.checked", "title.granted", "collection.unlocked".
 * Throws DbError UNKNOWN_GAME_DATA (no such quest), QUEST_NOT_ACCEPTED, QUEST_ALREADY_COMPLETED,
 * CHARACTER_NOT_FOUND, BALANCE_OVERFLOW (the gold would pass 2^63-1), INVALID_INPUT.
 */
export const completeQuest = defineAction({
  name: "quest.complete",
  input: Input,
  describe: (i) => `Completing quest ${i.questId} for character ${i.characterId}`,
  async run(ctx, i): Promise<CompleteQuestResult> {
    const { characterId, questId } = i;
    const quest = requireDefinition(ctx.rules.data.quests, "quest", questId);
    const accountId = await characterAccountId(ctx.tx, characterId);
    await markQuestCompleted(ctx.tx, characterId, questId);
    ctx.emit({ kind: "quest.state-changed", accountId, characterId, questId, state: "completed" });
    ctx.step("quest.completed");
    let gold: CompleteQuestResult["gold"] = null;
    if (quest.rewards.gold > 0n) {
      const entry = await changeBalance(ctx, { currency: "gold", characterId, delta: quest.rewards.gold, reason: `quest ${questId}`, source: "quest" });
      gold = { amount: entry.delta, balance: entry.balanceAfter, ledgerEntryId: entry.ledgerEntryId };
      ctx.step("quest.gold");
    }
    const xp =
      quest.rewards.xp > 0 ? await grantExperience.within(ctx, { characterId, amount: quest.rewards.xp, reason: "quest", source: `quest ${questId}` }) : null;
    const ids = { accountId, characterId };
    const reputation = await applyReputation(ctx, { ...ids, changes: reputationDeltas(quest.rewards.reputation), source: `quest ${questId}` });
    const titles = [...reputation.titles, ...(await checkTitles(ctx, ids, { type: "quest", questId }))];
    if (quest.rewards.titleId !== undefined) {
      const reward = await grantTitle.within(ctx, { ...ids, titleId: quest.rewards.titleId, source: "quest" });
      if (reward.granted) titles.push(quest.rewards.titleId);
    }
    const collectibles = await grantCollectibleRewards(ctx, quest.rewards.collectibles, { ...ids, scope: "character", source: "quest" });
    return { questId, gold, xp, reputation: reputation.changes, titles, collectibles };
  },
});
