import type { ReputationScale, Title, TitleTable } from "@bezgelor/data";
import { reputationLevelByName } from "../reputation/standing";
import { meetsTitleRequirements } from "./requirements";
import type { AccountTitleState, TitleTrigger } from "./state";

/** The titles a trigger could unlock, and the state with the trigger's fact folded in. */
function candidates(titles: TitleTable, trigger: TitleTrigger, state: AccountTitleState, scale: ReputationScale) {
  switch (trigger.type) {
    case "reputation": {
      const standing = "standing" in trigger ? trigger.standing : reputationLevelByName(scale, trigger.level).minStanding;
      const standings = new Map(state.standings).set(trigger.factionId, standing);
      return { titles: titles.byFaction(trigger.factionId), state: { ...state, standings } };
    }
    case "achievement":
      return {
        titles: titles.byAchievement(trigger.achievementId),
        state: { ...state, achievements: new Set(state.achievements).add(trigger.achievementId) },
      };
    case "quest":
      return {
        titles: titles.byQuest(trigger.questId),
        state: { ...state, completedQuests: new Set(state.completedQuests).add(trigger.questId) },
      };
    case "path": {
      const level = Math.max(trigger.level, state.pathLevels.get(trigger.path) ?? 0);
      return { titles: titles.byPath(trigger.path), state: { ...state, pathLevels: new Map(state.pathLevels).set(trigger.path, level) } };
    }
    case "store": {
      if ("titleId" in trigger) return { titles: direct(titles.get(trigger.titleId), (t) => t.unlock.type === "store"), state: null };
      const purchasedOfferIds = new Set(state.purchasedOfferIds).add(trigger.offerId);
      return { titles: titles.byStoreOffer(trigger.offerId), state: { ...state, purchasedOfferIds } };
    }
    case "event": {
      const visit = { eventId: trigger.eventId, at: trigger.at ?? state.now };
      return { titles: titles.byEvent(trigger.eventId), state: { ...state, eventParticipation: [visit] } };
    }
    case "gm":
      return { titles: direct(titles.get(trigger.titleId), () => true), state: null };
  }
}

function direct(title: Title | undefined, allowed: (title: Title) => boolean): readonly Title[] {
  return title !== undefined && allowed(title) ? [title] : [];
}

/**
 * The ids of the titles a trigger newly unlocks, ascending: titles whose rule the trigger concerns,
 * whose requirements the state (with the trigger applied) meets, and which the account does not
 * already own. An event trigger only counts inside the title's window. A GM grant unlocks any
 * existing title; a store trigger by `titleId` unlocks that title only if it is a store title.
 * Unknown ids unlock nothing.
 * @throws {CoreError} `UNKNOWN_LEVEL` for a reputation trigger naming a level this scale lacks;
 *   `INVALID_STANDING` for a standing that is not a safe integer.
 */
export function titleUnlocksFor(titles: TitleTable, trigger: TitleTrigger, state: AccountTitleState, scale: ReputationScale): readonly number[] {
  const { titles: found, state: after } = candidates(titles, trigger, state, scale);
  const unlocked = found
    .filter((title) => !state.ownedTitleIds.has(title.id))
    .filter((title) => after === null || meetsTitleRequirements(title, after, scale).ok)
    .map((title) => title.id);
  return [...new Set(unlocked)].sort((a, b) => a - b);
}
