import { checkReferences } from "./check-references";
import { GAME_DATA_TABLES, GAME_DATA_TABLE_NAMES, type GameDataEntry, type GameDataInput, type GameDataTableName } from "./files";
import type { GameData } from "./game-data";
import { parseEntries } from "./parse-entries";
import { StartLocationTable } from "./start-location-table";
import { StoreOfferTable } from "./store-offer-table";
import { Table } from "./table";
import { TitleTable } from "./title-table";

/** Each table's validated entries by id, as {@link parseEntries} returns them. */
export type ParsedTables = { readonly [N in GameDataTableName]?: ReadonlyMap<GameDataEntry<N>["id"], GameDataEntry<N>> };

/**
 * Builds the indexed tables from validated entries (missing tables are empty) and checks every
 * reference between them.
 * @throws {DataError} `UNKNOWN_REFERENCE` naming the referring file, entry id and field path.
 */
export function assembleGameData(parsed: ParsedTables): GameData {
  const t = GAME_DATA_TABLES;
  const table = <N extends GameDataTableName>(name: N): ReadonlyMap<GameDataEntry<N>["id"], GameDataEntry<N>> => parsed[name] ?? new Map();
  const data: GameData = Object.freeze({
    factions: new Table(t.factions.kind, t.factions.file, table("factions")),
    reputationScales: new Table(t.reputationScales.kind, t.reputationScales.file, table("reputationScales")),
    titles: new TitleTable(t.titles.file, table("titles")),
    creatures: new Table(t.creatures.kind, t.creatures.file, table("creatures")),
    quests: new Table(t.quests.kind, t.quests.file, table("quests")),
    vendors: new Table(t.vendors.kind, t.vendors.file, table("vendors")),
    items: new Table(t.items.kind, t.items.file, table("items")),
    achievements: new Table(t.achievements.kind, t.achievements.file, table("achievements")),
    paths: new Table(t.paths.kind, t.paths.file, table("paths")),
    mounts: new Table(t.mounts.kind, t.mounts.file, table("mounts")),
    pets: new Table(t.pets.kind, t.pets.file, table("pets")),
    vanityPets: new Table(t.vanityPets.kind, t.vanityPets.file, table("vanityPets")),
    flair: new Table(t.flair.kind, t.flair.file, table("flair")),
    storeCategories: new Table(t.storeCategories.kind, t.storeCategories.file, table("storeCategories")),
    storeOffers: new StoreOfferTable(t.storeOffers.file, table("storeOffers")),
    vipTiers: new Table(t.vipTiers.kind, t.vipTiers.file, table("vipTiers")),
    characterCreations: new Table(t.characterCreations.kind, t.characterCreations.file, table("characterCreations")),
    startLocations: new StartLocationTable(t.startLocations.kind, t.startLocations.file, table("startLocations")),
    spawns: new Table(t.spawns.kind, t.spawns.file, table("spawns")),
    spells: new Table(t.spells.kind, t.spells.file, table("spells")),
    characterLevels: new Table(t.characterLevels.kind, t.characterLevels.file, table("characterLevels")),
  });
  checkReferences(data);
  return data;
}

/**
 * Validate raw entries and build the indexed tables, exactly as {@link loadGameData} does for files
 * but without I/O: the builder tests use for tiny tables. Tables left out are empty.
 * @throws {DataError} `INVALID_ENTRY`, `DUPLICATE_ID` or `UNKNOWN_REFERENCE`, naming the file the
 *   table normally lives in, the entry id and the field path.
 */
export function buildGameData(input: GameDataInput): GameData {
  const parsed: { [N in GameDataTableName]?: unknown } = {};
  for (const name of GAME_DATA_TABLE_NAMES) parsed[name] = parseEntries(name, input[name] ?? []);
  return assembleGameData(parsed as ParsedTables);
}
