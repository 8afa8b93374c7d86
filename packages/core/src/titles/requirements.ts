import type { ReputationLevel, ReputationScale, Title } from "@bezgelor/data";
import { meetsRequirement } from "../reputation/requirement";
import { reputationLevel, reputationLevelByName } from "../reputation/standing";
import type { Ok, Refused } from "../result";
import type { AccountTitleState } from "./state";

/** Why a title's requirements are not met. */
export const TITLE_REQUIREMENT_REASON = {
  REPUTATION_NOT_REACHED: "reputation_not_reached",
  ACHIEVEMENT_NOT_EARNED: "achievement_not_earned",
  QUEST_NOT_COMPLETED: "quest_not_completed",
  PATH_LEVEL_NOT_REACHED: "path_level_not_reached",
  NOT_PURCHASED: "not_purchased",
  EVENT_NOT_ATTENDED: "event_not_attended",
  OUTSIDE_EVENT_WINDOW: "outside_event_window",
  GM_GRANT_ONLY: "gm_grant_only",
} as const;

/** One of the {@link TITLE_REQUIREMENT_REASON} values. */
export type TitleRequirementReason = (typeof TITLE_REQUIREMENT_REASON)[keyof typeof TITLE_REQUIREMENT_REASON];

/** Whether a title's requirements are met; a reputation refusal names the levels involved. */
export type TitleRequirementResult =
  | Ok
  | Refused<"reputation_not_reached", { requiredLevel: ReputationLevel; currentLevel: ReputationLevel }>
  | Refused<Exclude<TitleRequirementReason, "reputation_not_reached">>;

const refuse = <R extends Exclude<TitleRequirementReason, "reputation_not_reached">>(reason: R) => ({ ok: false, reason }) as const;
const OK = { ok: true } as const;

/**
 * Whether the state meets a title's unlock rule, ignoring whether the title is already owned.
 * Reputation counts from neutral in the level's direction (see `meetsRequirement`); an event title
 * needs a participation inside its window; a GM title is never met by progress.
 * @throws {CoreError} `UNKNOWN_LEVEL` when a reputation title names a level this scale lacks.
 */
export function meetsTitleRequirements(title: Title, state: AccountTitleState, scale: ReputationScale): TitleRequirementResult {
  const unlock = title.unlock;
  switch (unlock.type) {
    case "reputation": {
      const standing = state.standings.get(unlock.factionId) ?? 0;
      if (meetsRequirement(scale, standing, unlock.level)) return OK;
      const requiredLevel = reputationLevelByName(scale, unlock.level);
      return { ok: false, reason: "reputation_not_reached", requiredLevel, currentLevel: reputationLevel(scale, standing) };
    }
    case "achievement":
      return state.achievements.has(unlock.achievementId) ? OK : refuse("achievement_not_earned");
    case "quest":
      return state.completedQuests.has(unlock.questId) ? OK : refuse("quest_not_completed");
    case "path":
      return (state.pathLevels.get(unlock.path) ?? 0) >= unlock.level ? OK : refuse("path_level_not_reached");
    case "store":
      return state.purchasedOfferIds?.has(unlock.offerId) === true ? OK : refuse("not_purchased");
    case "event": {
      const visits = (state.eventParticipation ?? []).filter((p) => p.eventId === unlock.eventId);
      if (visits.length === 0) return refuse("event_not_attended");
      const start = unlock.startsAt.getTime();
      const end = unlock.endsAt.getTime();
      return visits.some((p) => p.at.getTime() >= start && p.at.getTime() < end) ? OK : refuse("outside_event_window");
    }
    case "gm":
      return refuse("gm_grant_only");
  }
}
