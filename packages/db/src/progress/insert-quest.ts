import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { questStateError } from "./quest-record.js";

/**
 * Records an accepted quest in the caller's transaction (the character exists: the action checked).
 * Quests complete once: there is no re-accepting. Returns when it was accepted.
 * Throws DbError QUEST_ALREADY_ACCEPTED, QUEST_ALREADY_COMPLETED (nothing changed), CHARACTER_NOT_FOUND.
 */
export async function insertQuest(tx: Prisma.TransactionClient, characterId: number, questId: number): Promise<Date> {
  // DO NOTHING instead of catching a unique violation: that would abort the transaction.
  const rows = await tx.$queryRaw<Array<{ accepted_at: Date }>>`INSERT INTO "character_quests" ("character_id", "quest_id", "state")
    VALUES (${characterId}, ${questId}, 'accepted') ON CONFLICT ("character_id", "quest_id") DO NOTHING
    RETURNING "accepted_at"`;
  const row = rows[0];
  if (row) return row.accepted_at;
  const existing = await tx.characterQuest.findUnique({ where: { characterId_questId: { characterId, questId } }, select: { state: true } });
  // No row after a conflict: the character was deleted in between (the rows cascade).
  if (!existing) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { details: { characterId } });
  throw questStateError(characterId, questId, existing.state);
}
