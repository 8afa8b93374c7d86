// A store catalog file on its own (`bezgelor store import --file`): validated exactly as the
// shipped `store-catalog.json` is when the game data loads, against the game data in force, with
// errors naming the file given.
import { checkStore } from "./check-references";
import { DATA_ERROR_CODE, DataError } from "./errors";
import { GAME_DATA_TABLES } from "./files";
import type { GameData } from "./game-data";
import { parseEntries } from "./parse-entries";
import type { StoreCategory, StoreOffer } from "./schemas/store-catalog";
import { StoreOfferTable } from "./store-offer-table";
import { Table } from "./table";

/** A validated store catalog, categories and offers in file order. */
export interface StoreCatalog {
  readonly categories: readonly StoreCategory[];
  readonly offers: readonly StoreOffer[];
}

/** The shipped catalog already loaded with the game data. */
export function storeCatalogOf(data: GameData): StoreCatalog {
  return { categories: data.storeCategories.all(), offers: data.storeOffers.all() };
}

/**
 * Validates raw JSON (`{ categories: [...], offers: [...] }`) as a store catalog against `data`
 * (mounts, pets, items, titles). Nothing is returned unless everything is valid.
 * @throws {DataError} INVALID_FILE (shape), INVALID_ENTRY, DUPLICATE_ID or UNKNOWN_REFERENCE, naming
 *   `file`, the offer or category id and the field path.
 */
export function parseStoreCatalog(raw: unknown, data: GameData, file: string = GAME_DATA_TABLES.storeOffers.file): StoreCatalog {
  const shipped = GAME_DATA_TABLES.storeOffers.file;
  const rename = (error: unknown): never => {
    if (error instanceof DataError && error.details.file === shipped && file !== shipped) {
      const { id, path } = error.details;
      const prefix = `${[shipped, id === undefined ? undefined : `id ${String(id)}`, path].filter((p) => p !== undefined && p !== "").join(": ")}: `;
      const reason = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
      throw new DataError(error.code, reason, { ...error.details, file }, { cause: error });
    }
    throw error;
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new DataError(DATA_ERROR_CODE.INVALID_FILE, "must be an object with `categories` and `offers` arrays", { file });
  }
  const input = raw as Record<string, unknown>;
  for (const key of ["categories", "offers"]) {
    if (!Array.isArray(input[key])) throw new DataError(DATA_ERROR_CODE.INVALID_FILE, `\`${key}\` must be an array`, { file, path: key });
  }
  try {
    const categories = parseEntries("storeCategories", input.categories as unknown[]);
    const offers = parseEntries("storeOffers", input.offers as unknown[]);
    const storeCategories = new Table(GAME_DATA_TABLES.storeCategories.kind, file, categories);
    const storeOffers = new StoreOfferTable(file, offers);
    checkStore({ ...pickRest(data), storeCategories, storeOffers });
    return { categories: storeCategories.all(), offers: storeOffers.all() };
  } catch (error) {
    return rename(error);
  }
}

function pickRest(data: GameData): Pick<GameData, "mounts" | "pets" | "items" | "titles"> {
  return { mounts: data.mounts, pets: data.pets, items: data.items, titles: data.titles };
}
