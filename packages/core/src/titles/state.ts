import { TITLE_UNLOCK_TYPE, type PathKey } from "@bezgelor/data";

/** An account (or character) took part in an event at a moment. */
export interface EventParticipation {
  readonly eventId: string;
  readonly at: Date;
}

/**
 * What title rules look at. Titles are per account; standings, quests and path levels are those of
 * the character whose progress fired the check. Missing standings count as 0 and missing path levels
 * as 0.
 */
export interface AccountTitleState {
  readonly ownedTitleIds: ReadonlySet<number>;
  /** Standing by faction id. */
  readonly standings: ReadonlyMap<number, number>;
  readonly achievements: ReadonlySet<number>;
  readonly completedQuests: ReadonlySet<number>;
  readonly pathLevels: ReadonlyMap<PathKey, number>;
  /** Store offers the account has bought; only store titles look at it. */
  readonly purchasedOfferIds?: ReadonlySet<number>;
  /** Events the account took part in; only event titles look at it. */
  readonly eventParticipation?: readonly EventParticipation[];
  /** The current time (an event trigger without `at` happened now). */
  readonly now: Date;
}

/**
 * The kinds of progress that can unlock titles; the discriminant of {@link TitleTrigger}. One per
 * unlock type in the data, so a new unlock type cannot be added without a trigger for it.
 */
export const TITLE_TRIGGER_TYPE = TITLE_UNLOCK_TYPE;

/** One of the {@link TITLE_TRIGGER_TYPE} values. */
export type TitleTriggerType = (typeof TITLE_TRIGGER_TYPE)[keyof typeof TITLE_TRIGGER_TYPE];

/**
 * Something that just happened and may unlock titles:
 * - `reputation`: a faction's standing is now `standing` (or, equivalently, the character is at `level`)
 * - `achievement` earned, `quest` completed, `path` level reached
 * - `store`: an offer was bought (`offerId`), or a purchase granted a store title directly (`titleId`, e.g. from a bundle)
 * - `event`: the account took part in an event at `at` (default: the state's `now`)
 * - `gm`: a GM grants a title, whatever its unlock rule
 */
export type TitleTrigger =
  | { readonly type: "reputation"; readonly factionId: number; readonly standing: number }
  | { readonly type: "reputation"; readonly factionId: number; readonly level: string }
  | { readonly type: "achievement"; readonly achievementId: number }
  | { readonly type: "quest"; readonly questId: number }
  | { readonly type: "path"; readonly path: PathKey; readonly level: number }
  | { readonly type: "store"; readonly offerId: number }
  | { readonly type: "store"; readonly titleId: number }
  | { readonly type: "event"; readonly eventId: string; readonly at?: Date }
  | { readonly type: "gm"; readonly titleId: number };
