import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";
import { questSelect, toQuestRecord, type QuestRecord } from "./quest-record.js";

/** Options for {@link listQuests}. */
export interface ListQuestsOptions {
  characterId: number;
}

const ListQuestsInput = z.object({ characterId: IdSchema });

/**
 * The character's accepted and completed quests, ordered by quest id. Empty for an unknown
 * character. Throws DbError INVALID_INPUT for a malformed id.
 */
export async function listQuests(db: DbClient, options: ListQuestsOptions): Promise<QuestRecord[]> {
  const { characterId } = parseInput(ListQuestsInput, options);
  try {
    const rows = await db.characterQuest.findMany({ where: { characterId }, select: questSelect, orderBy: { questId: "asc" } });
    return rows.map(toQuestRecord);
  } catch (error) {
    throw toDbError(error, `Listing the quests of character ${characterId} failed`);
  }
}
