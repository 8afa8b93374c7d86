import type { PathKey } from "@bezgelor/data";

/** The character's level in one path (0..MAX_PATH_LEVEL of @bezgelor/data). */
export interface PathLevelRecord {
  path: PathKey;
  level: number;
}
