/** WildStar's four paths; mirrors the CHECK constraint on `character_path_levels.path` (and `PATH_KEY` in @bezgelor/data). */
export const CHARACTER_PATHS = ["soldier", "settler", "scientist", "explorer"] as const;
/** One of {@link CHARACTER_PATHS}. */
export type CharacterPath = (typeof CHARACTER_PATHS)[number];

/** Highest path level accepted; mirrors the CHECK constraint. */
export const MAX_PATH_LEVEL = 100;

/** The character's level in one path. */
export interface PathLevelRecord {
  path: CharacterPath;
  level: number;
}
