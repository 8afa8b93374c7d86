import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isForeignKeyViolation, toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";
import { questStateError } from "./quest-record.js";

/** Options for {@link acceptQuest}. */
export interface AcceptQuestOptions {
  characterId: number;
  questId: number;
}

/** Result of {@link acceptQuest}. */
export interface AcceptedQuest {
  questId: number;
  state: "accepted";
  acceptedAt: Date;
}

/**
 * Records that the character accepted the quest. Quests complete once: there is no re-accepting.
 * Throws DbError QUEST_ALREADY_ACCEPTED, QUEST_ALREADY_COMPLETED (nothing changed either way),
 * CHARACTER_NOT_FOUND, INVALID_INPUT (malformed ids).
 */
export async function acceptQuest(db: DbClient, options: AcceptQuestOptions): Promise<AcceptedQuest> {
  const { characterId, questId } = parseInput(z.object({ characterId: IdSchema, questId: IdSchema }), options);
  try {
    // DO NOTHING instead of catching a unique violation: that would abort a caller's transaction.
    const rows = await db.$queryRaw<Array<{ accepted_at: Date }>>`INSERT INTO "character_quests" ("character_id", "quest_id", "state")
      VALUES (${characterId}, ${questId}, 'accepted') ON CONFLICT ("character_id", "quest_id") DO NOTHING
      RETURNING "accepted_at"`;
    const row = rows[0];
    if (row) return { questId, state: "accepted", acceptedAt: row.accepted_at };
    const existing = await db.characterQuest.findUnique({
      where: { characterId_questId: { characterId, questId } },
      select: { state: true },
    });
    // No row after a conflict: the character was deleted in between (the rows cascade).
    if (!existing) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { details: { characterId } });
    throw questStateError(characterId, questId, existing.state);
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { cause: error, details: { characterId } });
    }
    throw toDbError(error, `Accepting quest ${questId} for character ${characterId} failed`);
  }
}
