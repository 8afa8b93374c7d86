import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link listAchievements}. */
export interface ListAchievementsOptions {
  characterId: number;
}

/** An achievement the character earned. */
export interface AchievementRecord {
  achievementId: number;
  earnedAt: Date;
}

const ListAchievementsInput = z.object({ characterId: IdSchema });

/**
 * The character's earned achievements, ordered by achievement id. Empty for an unknown
 * character. Throws DbError INVALID_INPUT for a malformed id.
 */
export async function listAchievements(db: DbClient, options: ListAchievementsOptions): Promise<AchievementRecord[]> {
  const { characterId } = parseInput(ListAchievementsInput, options);
  try {
    return await db.characterAchievement.findMany({
      where: { characterId },
      select: { achievementId: true, earnedAt: true },
      orderBy: { achievementId: "asc" },
    });
  } catch (error) {
    throw toDbError(error, `Listing the achievements of character ${characterId} failed`);
  }
}
