import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { characterAccountId } from "../characters/character-account.js";
import { IdSchema } from "../validation.js";
import { insertQuest } from "./insert-quest.js";

const Input = z.object({ characterId: IdSchema, questId: IdSchema });

/** The input of {@link acceptQuest}. */
export type AcceptQuestInput = z.input<typeof Input>;

/** What {@link acceptQuest} returns. */
export interface AcceptedQuest {
  questId: number;
  state: "accepted";
  acceptedAt: Date;
}

/**
 * Records that the character accepted a quest the game data defines. Quests complete once: there
 * is no re-accepting. Event: quest.state-changed (accepted).
 * Throws DbError UNKNOWN_GAME_DATA (no such quest), QUEST_ALREADY_ACCEPTED, QUEST_ALREADY_COMPLETED
 * (nothing changed either way), CHARACTER_NOT_FOUND, INVALID_INPUT (malformed ids).
 */
export const acceptQuest = defineAction({
  name: "quest.accept",
  input: Input,
  describe: (i) => `Accepting quest ${i.questId} for character ${i.characterId}`,
  async run(ctx, i): Promise<AcceptedQuest> {
    requireDefinition(ctx.rules.data.quests, "quest", i.questId);
    const accountId = await characterAccountId(ctx.tx, i.characterId);
    const acceptedAt = await insertQuest(ctx.tx, i.characterId, i.questId);
    ctx.emit({ kind: "quest.state-changed", accountId, characterId: i.characterId, questId: i.questId, state: "accepted" });
    ctx.step("quest.accepted");
    return { questId: i.questId, state: "accepted", acceptedAt };
  },
});
