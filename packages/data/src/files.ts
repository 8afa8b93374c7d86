import type { z } from "zod";
import { achievementSchema } from "./schemas/achievement";
import { characterCreationSchema } from "./schemas/character-creation";
import { characterLevelSchema } from "./schemas/character-level";
import { creatureSchema } from "./schemas/creature";
import { factionSchema } from "./schemas/faction";
import { flairSchema } from "./schemas/flair";
import { itemSchema } from "./schemas/item";
import { mountSchema } from "./schemas/mount";
import { pathSchema } from "./schemas/path";
import { petSchema } from "./schemas/pet";
import { questSchema } from "./schemas/quest";
import { reputationScaleSchema } from "./schemas/reputation-scale";
import { spawnSchema } from "./schemas/spawn";
import { spellSchema } from "./schemas/spell";
import { startLocationSchema } from "./schemas/start-location";
import { storeCategorySchema, storeOfferSchema, vipTierSchema } from "./schemas/store-catalog";
import { titleSchema } from "./schemas/title";
import { vanityPetSchema } from "./schemas/vanity-pet";
import { vendorSchema } from "./schemas/vendor";

/**
 * Every table of the game data: the file it lives in, the array key inside that file, the noun used
 * in messages and the schema of one entry. Two tables may share a file (the store catalog).
 */
export const GAME_DATA_TABLES = {
  factions: { file: "factions.json", key: "factions", kind: "faction", schema: factionSchema },
  reputationScales: { file: "reputation-levels.json", key: "scales", kind: "reputation scale", schema: reputationScaleSchema },
  titles: { file: "titles.json", key: "titles", kind: "title", schema: titleSchema },
  creatures: { file: "creatures.json", key: "creatures", kind: "creature", schema: creatureSchema },
  quests: { file: "quests.json", key: "quests", kind: "quest", schema: questSchema },
  vendors: { file: "vendors.json", key: "vendors", kind: "vendor", schema: vendorSchema },
  items: { file: "items.json", key: "items", kind: "item", schema: itemSchema },
  achievements: { file: "achievements.json", key: "achievements", kind: "achievement", schema: achievementSchema },
  paths: { file: "paths.json", key: "paths", kind: "path", schema: pathSchema },
  mounts: { file: "mounts.json", key: "mounts", kind: "mount", schema: mountSchema },
  pets: { file: "pets.json", key: "pets", kind: "pet", schema: petSchema },
  vanityPets: { file: "vanity-pets.json", key: "vanityPets", kind: "vanity pet", schema: vanityPetSchema },
  flair: { file: "flair.json", key: "flair", kind: "flair", schema: flairSchema },
  storeCategories: { file: "store-catalog.json", key: "categories", kind: "store category", schema: storeCategorySchema },
  storeOffers: { file: "store-catalog.json", key: "offers", kind: "store offer", schema: storeOfferSchema },
  vipTiers: { file: "vip-tiers.json", key: "vipTiers", kind: "VIP tier", schema: vipTierSchema },
  characterCreations: { file: "character-creations.json", key: "characterCreations", kind: "character creation", schema: characterCreationSchema },
  startLocations: { file: "start-locations.json", key: "startLocations", kind: "start location", schema: startLocationSchema },
  spawns: { file: "spawns.json", key: "spawns", kind: "spawn", schema: spawnSchema },
  spells: { file: "spells.json", key: "spells", kind: "spell", schema: spellSchema },
  characterLevels: { file: "character-levels.json", key: "levels", kind: "character level", schema: characterLevelSchema },
} as const satisfies Record<string, { file: string; key: string; kind: string; schema: z.ZodType }>;

/** Name of one table of the game data, e.g. `"titles"`. */
export type GameDataTableName = keyof typeof GAME_DATA_TABLES;

/** The parsed entry type of a table. */
export type GameDataEntry<N extends GameDataTableName> = z.output<(typeof GAME_DATA_TABLES)[N]["schema"]>;

/** Unvalidated entries per table, as read from JSON or written by a test. Missing tables are empty. */
export type GameDataInput = { readonly [N in GameDataTableName]?: readonly unknown[] };

/** The names of every table, in loading order. */
export const GAME_DATA_TABLE_NAMES = Object.keys(GAME_DATA_TABLES) as GameDataTableName[];
