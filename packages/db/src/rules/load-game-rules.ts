// The rules every action takes, loaded the way a service outside the world server would: the
// game data from its directory and the reputation scale by name.
import { loadGameData, selectReputationScale } from "@bezgelor/data";
import type { GameRules } from "../actions/action.js";

/** Where {@link loadGameRules} reads from. */
export interface LoadGameRulesOptions {
  /** The game data directory; defaults to the data shipped with `@bezgelor/data`. */
  dataDir?: string;
  /** A reputation scale the data defines (the world server's BEZGELOR_REPUTATION_SCALE); defaults to the data's default. */
  reputationScale?: string;
}

/**
 * Loads and validates the game data and selects the reputation scale, for services that call
 * actions (a web shop, a bot). Throws the data package's errors for files that are missing or
 * invalid, or a scale the data does not define.
 */
export async function loadGameRules(options: LoadGameRulesOptions = {}): Promise<GameRules> {
  const data = await loadGameData(options.dataDir === undefined ? {} : { dir: options.dataDir });
  return { data, scale: selectReputationScale(data, options.reputationScale) };
}
