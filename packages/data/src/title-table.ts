import type { PathKey } from "./schemas/path";
import { TITLE_UNLOCK_TYPE, type Title, type TitleUnlockType } from "./schemas/title";
import { Table } from "./table";

const EMPTY: readonly Title[] = Object.freeze([]);

function add<K>(groups: Map<K, Title[]>, key: K, title: Title): void {
  const list = groups.get(key);
  if (list === undefined) groups.set(key, [title]);
  else list.push(title);
}

function frozen<K>(groups: Map<K, Title[]>): ReadonlyMap<K, readonly Title[]> {
  for (const list of groups.values()) Object.freeze(list);
  return groups;
}

/** The titles table with secondary indexes by unlock trigger. Lookups never throw; misses give `[]`. */
export class TitleTable extends Table<number, Title> {
  readonly #byType: ReadonlyMap<TitleUnlockType, readonly Title[]>;
  readonly #byFaction: ReadonlyMap<number, readonly Title[]>;
  readonly #byAchievement: ReadonlyMap<number, readonly Title[]>;
  readonly #byQuest: ReadonlyMap<number, readonly Title[]>;
  readonly #byPath: ReadonlyMap<PathKey, readonly Title[]>;
  readonly #byStoreOffer: ReadonlyMap<number, readonly Title[]>;
  readonly #byEvent: ReadonlyMap<string, readonly Title[]>;

  constructor(file: string, entries: ReadonlyMap<number, Title>) {
    super("title", file, entries);
    const byType = new Map<TitleUnlockType, Title[]>();
    const byFaction = new Map<number, Title[]>();
    const byAchievement = new Map<number, Title[]>();
    const byQuest = new Map<number, Title[]>();
    const byPath = new Map<PathKey, Title[]>();
    const byStoreOffer = new Map<number, Title[]>();
    const byEvent = new Map<string, Title[]>();
    // One pass in file order: each index lists its titles in file order.
    for (const title of this.all()) {
      const unlock = title.unlock;
      add(byType, unlock.type, title);
      if (unlock.type === TITLE_UNLOCK_TYPE.REPUTATION) add(byFaction, unlock.factionId, title);
      else if (unlock.type === TITLE_UNLOCK_TYPE.ACHIEVEMENT) add(byAchievement, unlock.achievementId, title);
      else if (unlock.type === TITLE_UNLOCK_TYPE.QUEST) add(byQuest, unlock.questId, title);
      else if (unlock.type === TITLE_UNLOCK_TYPE.PATH) add(byPath, unlock.path, title);
      else if (unlock.type === TITLE_UNLOCK_TYPE.STORE) add(byStoreOffer, unlock.offerId, title);
      else if (unlock.type === TITLE_UNLOCK_TYPE.EVENT) add(byEvent, unlock.eventId, title);
    }
    this.#byType = frozen(byType);
    this.#byFaction = frozen(byFaction);
    this.#byAchievement = frozen(byAchievement);
    this.#byQuest = frozen(byQuest);
    this.#byPath = frozen(byPath);
    this.#byStoreOffer = frozen(byStoreOffer);
    this.#byEvent = frozen(byEvent);
  }

  /** Titles with this unlock type, in file order. */
  byUnlockType(type: TitleUnlockType): readonly Title[] {
    return this.#byType.get(type) ?? EMPTY;
  }

  /** Reputation titles for this faction, whatever their level. */
  byFaction(factionId: number): readonly Title[] {
    return this.#byFaction.get(factionId) ?? EMPTY;
  }

  /** Titles unlocked by earning this achievement. */
  byAchievement(achievementId: number): readonly Title[] {
    return this.#byAchievement.get(achievementId) ?? EMPTY;
  }

  /** Titles unlocked by completing this quest. */
  byQuest(questId: number): readonly Title[] {
    return this.#byQuest.get(questId) ?? EMPTY;
  }

  /** Titles unlocked by levels of this path, whatever the level. */
  byPath(path: PathKey): readonly Title[] {
    return this.#byPath.get(path) ?? EMPTY;
  }

  /** Titles sold by this store offer. */
  byStoreOffer(offerId: number): readonly Title[] {
    return this.#byStoreOffer.get(offerId) ?? EMPTY;
  }

  /** Titles earned by taking part in this event. */
  byEvent(eventId: string): readonly Title[] {
    return this.#byEvent.get(eventId) ?? EMPTY;
  }
}
