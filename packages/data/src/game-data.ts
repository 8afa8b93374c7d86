import type { Achievement } from "./schemas/achievement";
import type { CharacterCreation } from "./schemas/character-creation";
import type { CharacterLevel } from "./schemas/character-level";
import type { Creature } from "./schemas/creature";
import type { Faction } from "./schemas/faction";
import type { Flair } from "./schemas/flair";
import type { Item } from "./schemas/item";
import type { Mount } from "./schemas/mount";
import type { PathDef, PathKey } from "./schemas/path";
import type { Pet } from "./schemas/pet";
import type { Quest } from "./schemas/quest";
import type { ReputationScale } from "./schemas/reputation-scale";
import type { Spawn } from "./schemas/spawn";
import type { Spell } from "./schemas/spell";
import type { StoreCategory, VipTier } from "./schemas/store-catalog";
import type { VanityPet } from "./schemas/vanity-pet";
import type { Vendor } from "./schemas/vendor";
import type { StartLocationTable } from "./start-location-table";
import type { StoreOfferTable } from "./store-offer-table";
import type { Table } from "./table";
import type { TitleTable } from "./title-table";

/** Every table of static game data, validated and cross-checked. Immutable. */
export interface GameData {
  readonly factions: Table<number, Faction>;
  /** Reputation level tables by name (`classic`, `wildstar`, ...). */
  readonly reputationScales: Table<string, ReputationScale>;
  readonly titles: TitleTable;
  readonly creatures: Table<number, Creature>;
  readonly quests: Table<number, Quest>;
  readonly vendors: Table<number, Vendor>;
  readonly items: Table<number, Item>;
  readonly achievements: Table<number, Achievement>;
  readonly paths: Table<PathKey, PathDef>;
  readonly mounts: Table<number, Mount>;
  /** Combat pets (levels, XP, auto-attack). */
  readonly pets: Table<number, Pet>;
  /** Vanity pets (follow their owner, never fight). */
  readonly vanityPets: Table<number, VanityPet>;
  /** Mount flair pieces, by flair id. */
  readonly flair: Table<number, Flair>;
  readonly storeCategories: Table<number, StoreCategory>;
  readonly storeOffers: StoreOfferTable;
  /** VIP tiers by tier number, ascending spend. */
  readonly vipTiers: Table<number, VipTier>;
  /** Character-creation choices by the id the client sends. */
  readonly characterCreations: Table<number, CharacterCreation>;
  /** Where new characters start, by race and faction (`for(race, factionId)`). */
  readonly startLocations: StartLocationTable;
  /** Units placed in worlds (creatures, vendors, mailboxes), by spawn id. */
  readonly spawns: Table<number, Spawn>;
  /** Spells characters cast from their Ability bag, by Spell4Base id. */
  readonly spells: Table<number, Spell>;
  /** The total XP each character level takes, by level (core `characterLevelForXp`). */
  readonly characterLevels: Table<number, CharacterLevel>;
}
