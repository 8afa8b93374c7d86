import { acceptQuest } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * Accepts a quest through the acceptQuest action; a quest the data lacks, accepting twice, or a
 * finished quest is refused (UNKNOWN_GAME_DATA, QUEST_ALREADY_*).
 */
export const clientQuestAccept = handler("ClientQuestAccept", {
  states: IN_WORLD,
  async handle(ctx, { questId }) {
    await acceptQuest(ctx.services.db, { ...playerActionOptions(ctx), characterId: ctx.session.requireCharacter().id, questId });
    await ctx.services.events.flush();
  },
});
