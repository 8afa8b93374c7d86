import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";
import type { PathKey } from "@bezgelor/data";
import type { PathLevelRecord } from "./path-level-record.js";

/** Options for {@link listPathLevels}. */
export interface ListPathLevelsOptions {
  characterId: number;
}

const ListPathLevelsInput = z.object({ characterId: IdSchema });

/**
 * The character's path levels, ordered by path name; paths never set are absent. Empty for an
 * unknown character. Throws DbError INVALID_INPUT for a malformed id.
 */
export async function listPathLevels(db: DbClient, options: ListPathLevelsOptions): Promise<PathLevelRecord[]> {
  const { characterId } = parseInput(ListPathLevelsInput, options);
  try {
    const rows = await db.characterPathLevel.findMany({ where: { characterId }, select: { path: true, level: true }, orderBy: { path: "asc" } });
    // The CHECK constraint guarantees the narrower type.
    return rows.map((r) => ({ path: r.path as PathKey, level: r.level }));
  } catch (error) {
    throw toDbError(error, `Listing the path levels of character ${characterId} failed`);
  }
}
