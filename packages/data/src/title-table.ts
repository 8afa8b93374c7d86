import type { PathKey } from "./schemas/path";
import { TITLE_UNLOCK_TYPE, type Title, type TitleUnlockType } from "./schemas/title";
import { Table } from "./table";

const EMPTY: readonly Title[] = Object.freeze([]);

function group<K>(titles: readonly Title[], keyOf: (title: Title) => K | undefined): ReadonlyMap<K, readonly Title[]> {
  const groups = new Map<K, Title[]>();
  for (const title of titles) {
    const key = keyOf(title);
    if (key === undefined) continue;
    const list = groups.get(key) ?? [];
    list.push(title);
    groups.set(key, list);
  }
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
    const titles = this.all();
    this.#byType = group(titles, (t) => t.unlock.type);
    this.#byFaction = group(titles, (t) => (t.unlock.type === TITLE_UNLOCK_TYPE.REPUTATION ? t.unlock.factionId : undefined));
    this.#byAchievement = group(titles, (t) => (t.unlock.type === TITLE_UNLOCK_TYPE.ACHIEVEMENT ? t.unlock.achievementId : undefined));
    this.#byQuest = group(titles, (t) => (t.unlock.type === TITLE_UNLOCK_TYPE.QUEST ? t.unlock.questId : undefined));
    this.#byPath = group(titles, (t) => (t.unlock.type === TITLE_UNLOCK_TYPE.PATH ? t.unlock.path : undefined));
    this.#byStoreOffer = group(titles, (t) => (t.unlock.type === TITLE_UNLOCK_TYPE.STORE ? t.unlock.offerId : undefined));
    this.#byEvent = group(titles, (t) => (t.unlock.type === TITLE_UNLOCK_TYPE.EVENT ? t.unlock.eventId : undefined));
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
