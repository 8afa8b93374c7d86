import { z } from "zod";
import { runTransaction, type DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isForeignKeyViolation, toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";
import { CHARACTER_PATHS, MAX_PATH_LEVEL } from "./path-level-record.js";

/** Options for {@link setPathLevel}. */
export interface SetPathLevelOptions {
  characterId: number;
  /** One of CHARACTER_PATHS: soldier, settler, scientist, explorer. */
  path: string;
  /** 0..100. */
  level: number;
}

/** Result of {@link setPathLevel}. */
export interface SetPathLevelResult {
  /** The level before (0 when the path had none). */
  before: number;
  after: number;
}

const InputSchema = z.object({
  characterId: IdSchema,
  path: z.enum(CHARACTER_PATHS),
  level: z.number().int().min(0).max(MAX_PATH_LEVEL),
});

/**
 * Sets the character's level in a path (creating it), returning the level before and after.
 * The row is created if missing and locked before it is read, so `before` is exact even when
 * calls race (the last one wins).
 * Throws DbError CHARACTER_NOT_FOUND, INVALID_INPUT (id, unknown path, level outside 0..100).
 */
export async function setPathLevel(db: DbClient, options: SetPathLevelOptions): Promise<SetPathLevelResult> {
  const { characterId, path, level } = parseInput(InputSchema, options);
  try {
    return await runTransaction(db, async (tx) => {
      await tx.$executeRaw`INSERT INTO "character_path_levels" ("character_id", "path", "level") VALUES (${characterId}, ${path}, 0)
        ON CONFLICT ("character_id", "path") DO NOTHING`;
      const rows = await tx.$queryRaw<Array<{ level: number }>>`SELECT "level" FROM "character_path_levels"
        WHERE "character_id" = ${characterId} AND "path" = ${path} FOR UPDATE`;
      const before = Number(rows[0]?.level ?? 0);
      await tx.characterPathLevel.update({
        where: { characterId_path: { characterId, path } },
        data: { level, updatedAt: new Date() },
        select: { level: true },
      });
      return { before, after: level };
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { cause: error, details: { characterId } });
    }
    throw toDbError(error, `Setting the ${path} level of character ${characterId} failed`);
  }
}
