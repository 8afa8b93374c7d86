import { DataError, loadGameData, type GameData } from "@bezgelor/data";
import { WorldError } from "../errors";
import type { WorldConfig } from "./schema";

/**
 * The game data the configuration names: the operator's directory (`gameDataDir`,
 * BEZGELOR_GAME_DATA) or, unset, the shipped sample.
 * @throws WorldError CONFIG_INVALID when the operator's directory cannot be read or holds data
 *   that does not validate (the DataError, naming file, entry and field, is its cause and message);
 *   a DataError of the shipped sample is a packaging fault and is thrown as it is.
 */
export async function loadConfiguredGameData(config: Pick<WorldConfig, "gameDataDir">): Promise<GameData> {
  const dir = config.gameDataDir;
  if (dir === undefined) return loadGameData();
  try {
    return await loadGameData({ dir });
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    throw new WorldError("CONFIG_INVALID", `game data directory ${dir} (BEZGELOR_GAME_DATA, gameDataDir): ${error.message}`, {
      cause: error,
      details: { dir, code: error.code, ...error.details },
    });
  }
}
