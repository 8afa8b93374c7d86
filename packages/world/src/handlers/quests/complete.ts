import { completeQuest } from "@bezgelor/db";
import { QUEST_STATE, ServerGoldChanged, ServerQuestStateChange } from "@bezgelor/protocol";
import { announceReputation, describeChanges } from "../../game/reputation";
import { checkTitles, grantAndAnnounce } from "../../game/titles";
import { RuleError } from "../../server/rule-error";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * Turns a quest in. The state change, the gold (with its ledger entry) and the reputation are one
 * transaction, and only an accepted quest can complete, so each reward is granted exactly once.
 * Then the player hears about each change, and quest and reputation titles are checked.
 */
export const clientQuestComplete = handler("ClientQuestComplete", {
  states: IN_WORLD,
  async handle(ctx, { questId }) {
    const { session, services } = ctx;
    const quest = services.data.quests.get(questId);
    if (!quest) throw new RuleError("NOT_FOUND", `no quest ${questId}`, { questId });
    const { scale } = services;
    const result = await completeQuest(services.db, {
      characterId: session.requireCharacter().id,
      questId,
      rewards: {
        gold: quest.rewards.gold,
        reputation: quest.rewards.reputation.map((r) => ({ factionId: r.factionId, delta: r.amount })),
      },
      bounds: { min: scale.minStanding, max: scale.maxStanding },
      reason: `quest ${questId}`,
    });
    session.send(ServerQuestStateChange, { questId, state: QUEST_STATE.Completed, randomResultId: 0 });
    if (result.gold) session.send(ServerGoldChanged, { balance: result.gold.balance, delta: quest.rewards.gold });
    session.logger.info({ questId, gold: quest.rewards.gold.toString() }, "quest completed");
    await announceReputation(ctx, describeChanges(ctx, result.reputation));
    await checkTitles(ctx, { type: "quest", questId });
    if (quest.rewards.titleId !== undefined) await grantAndAnnounce(ctx, quest.rewards.titleId, "quest");
  },
});
