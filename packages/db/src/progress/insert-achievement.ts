import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";

/**
 * Records an earned achievement in the caller's transaction, idempotently: earning it again
 * returns `granted: false` and the first `earnedAt`; of concurrent grants exactly one is granted.
 * Throws DbError CHARACTER_NOT_FOUND.
 */
export async function insertAchievement(
  tx: Prisma.TransactionClient,
  characterId: number,
  achievementId: number,
): Promise<{ granted: boolean; earnedAt: Date }> {
  const rows = await tx.$queryRaw<Array<{ earned_at: Date }>>`INSERT INTO "character_achievements" ("character_id", "achievement_id")
    VALUES (${characterId}, ${achievementId}) ON CONFLICT ("character_id", "achievement_id") DO NOTHING
    RETURNING "earned_at"`;
  const row = rows[0];
  if (row) return { granted: true, earnedAt: row.earned_at };
  const existing = await tx.characterAchievement.findUnique({
    where: { characterId_achievementId: { characterId, achievementId } },
    select: { earnedAt: true },
  });
  if (!existing) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { details: { characterId } });
  return { granted: false, earnedAt: existing.earnedAt };
}
