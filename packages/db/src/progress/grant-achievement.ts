import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isForeignKeyViolation, toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link grantAchievement}. */
export interface GrantAchievementOptions {
  characterId: number;
  achievementId: number;
}

/** Result of {@link grantAchievement}. */
export interface GrantAchievementResult {
  /** False when the character had earned it already (nothing was changed). */
  granted: boolean;
  /** When it was first earned. */
  earnedAt: Date;
}

/**
 * Records an earned achievement, idempotently: earning it again returns `granted: false` and the
 * first `earnedAt`; of concurrent grants exactly one reports `granted: true`.
 * Throws DbError CHARACTER_NOT_FOUND, INVALID_INPUT (malformed ids).
 */
export async function grantAchievement(db: DbClient, options: GrantAchievementOptions): Promise<GrantAchievementResult> {
  const { characterId, achievementId } = parseInput(z.object({ characterId: IdSchema, achievementId: IdSchema }), options);
  try {
    const rows = await db.$queryRaw<Array<{ earned_at: Date }>>`INSERT INTO "character_achievements" ("character_id", "achievement_id")
      VALUES (${characterId}, ${achievementId}) ON CONFLICT ("character_id", "achievement_id") DO NOTHING
      RETURNING "earned_at"`;
    const row = rows[0];
    if (row) return { granted: true, earnedAt: row.earned_at };
    const existing = await db.characterAchievement.findUnique({
      where: { characterId_achievementId: { characterId, achievementId } },
      select: { earnedAt: true },
    });
    // No row after a conflict: the character was deleted in between (the rows cascade).
    if (!existing) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { details: { characterId } });
    return { granted: false, earnedAt: existing.earnedAt };
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { cause: error, details: { characterId } });
    }
    throw toDbError(error, `Granting achievement ${achievementId} to character ${characterId} failed`);
  }
}
