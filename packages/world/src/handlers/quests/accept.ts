import { acceptQuest } from "@bezgelor/db";
import { QUEST_STATE, ServerQuestStateChange } from "@bezgelor/protocol";
import { RuleError } from "../../server/rule-error";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/** Accepts a quest the game data knows; accepting twice, or a finished quest, is refused. */
export const clientQuestAccept = handler("ClientQuestAccept", {
  states: IN_WORLD,
  async handle({ session, services }, { questId }) {
    if (!services.data.quests.has(questId)) throw new RuleError("NOT_FOUND", `no quest ${questId}`, { questId });
    await acceptQuest(services.db, { characterId: session.requireCharacter().id, questId });
    session.send(ServerQuestStateChange, { questId, state: QUEST_STATE.Accepted, randomResultId: 0 });
    session.logger.info({ questId }, "quest accepted");
  },
});
