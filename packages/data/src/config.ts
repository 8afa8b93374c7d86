import { z } from "zod";
import { DEFAULT_REPUTATION_SCALE, type ReputationScale } from "./schemas/reputation-scale";
import type { GameData } from "./game-data";

/**
 * This package's configuration section. The one module that reads the environment fills it
 * (e.g. `dir` from `BEZGELOR_GAME_DATA`).
 */
export const gameDataConfigSchema = z.strictObject({
  /** Directory of the operator's own data files; the shipped sample dataset when absent. */
  dir: z.string().min(1).optional(),
  /** Name of the reputation scale to play with (`classic` or `wildstar` in the shipped data). */
  reputationScale: z.string().min(1).default(DEFAULT_REPUTATION_SCALE),
});

/** This package's configuration section, parsed. */
export type GameDataConfig = z.output<typeof gameDataConfigSchema>;

/**
 * The configured reputation scale.
 * @throws {DataError} `NOT_FOUND` when the data defines no scale of that name.
 */
export function selectReputationScale(data: GameData, name: string = DEFAULT_REPUTATION_SCALE): ReputationScale {
  return data.reputationScales.require(name);
}
