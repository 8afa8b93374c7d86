import { completeQuest } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * Turns a quest in through the completeQuest action: the state, the gold (with its ledger entry),
 * the XP (ServerExperienceGained, reason Quest, and the levels it reaches), the reputation, and every title it unlocks or rewards are one transaction, and only an accepted
 * quest can complete, so each reward is granted exactly once; its mounts and pets unlock for the
 * character through the collection unlock. Then the player hears about each change (a mount's
 * ability item, ServerSpellUpdate and ServerUnlockMount, a vanity pet's ServerUnlockVanityPet).
 */
export const clientQuestComplete = handler("ClientQuestComplete", {
  states: IN_WORLD,
  async handle(ctx, { questId }) {
    const { result } = await completeQuest(ctx.services.db, { ...playerActionOptions(ctx), characterId: ctx.session.requireCharacter().id, questId });
    ctx.session.logger.info(
      { questId, gold: (result.gold?.amount ?? 0n).toString(), xp: result.xp?.gained ?? 0, titles: result.titles, collectibles: result.collectibles },
      "quest rewards paid",
    );
    await ctx.services.events.flush();
  },
});
