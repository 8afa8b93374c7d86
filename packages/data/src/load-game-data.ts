import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildGameData } from "./build-game-data";
import { DATA_ERROR_CODE, DataError } from "./errors";
import { GAME_DATA_TABLES, GAME_DATA_TABLE_NAMES, type GameDataTableName } from "./files";
import type { GameData } from "./game-data";

/** Options of {@link loadGameData}. */
export interface LoadGameDataOptions {
  /** Directory holding the JSON files; defaults to the sample dataset shipped with this package. */
  readonly dir?: string | undefined;
}

/**
 * The directory of the shipped sample dataset. From the built `dist/index.js` it is `dist/data`
 * (copied by the build); from `src/` it is the package's `data/`.
 */
export function defaultGameDataDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, "data");
  return existsSync(beside) ? beside : join(here, "..", "data");
}

async function readJson(dir: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, file), "utf8");
  } catch (cause) {
    throw new DataError(DATA_ERROR_CODE.FILE_UNREADABLE, `cannot read ${join(dir, file)}`, { file }, { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DataError(DATA_ERROR_CODE.INVALID_JSON, `not valid JSON: ${reason}`, { file }, { cause });
  }
}

function entriesOf(json: unknown, name: GameDataTableName): readonly unknown[] {
  const { file, key } = GAME_DATA_TABLES[name];
  const entries: unknown = typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(entries)) {
    throw new DataError(DATA_ERROR_CODE.INVALID_FILE, `expected an object with an array "${key}"`, { file, path: key });
  }
  return entries;
}

/**
 * Read, validate and index every game data file of a directory. Every file must be present.
 * @throws {DataError} `FILE_UNREADABLE`, `INVALID_JSON` or `INVALID_FILE` for a bad file;
 *   `INVALID_ENTRY`, `DUPLICATE_ID` or `UNKNOWN_REFERENCE` naming the file, entry id and field path.
 */
export async function loadGameData(options: LoadGameDataOptions = {}): Promise<GameData> {
  const dir = options.dir ?? defaultGameDataDir();
  const files = [...new Set(GAME_DATA_TABLE_NAMES.map((name) => GAME_DATA_TABLES[name].file))];
  const json = new Map(await Promise.all(files.map(async (file) => [file, await readJson(dir, file)] as const)));
  const input: Partial<Record<GameDataTableName, readonly unknown[]>> = {};
  for (const name of GAME_DATA_TABLE_NAMES) input[name] = entriesOf(json.get(GAME_DATA_TABLES[name].file), name);
  return buildGameData(input);
}
