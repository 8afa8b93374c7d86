import type { Prisma } from "../generated/prisma/client";
import { DB_ERROR_CODES, DbError } from "../errors.js";

/** A quest's states; mirrors the CHECK constraint on `character_quests.state`. */
export const QUEST_STATES = ["accepted", "completed"] as const;
/** One of {@link QUEST_STATES}. */
export type QuestState = (typeof QUEST_STATES)[number];

/** A quest the character has accepted or completed. */
export interface QuestRecord {
  questId: number;
  state: QuestState;
  acceptedAt: Date;
  /** Set exactly when `state` is "completed". */
  completedAt: Date | null;
}

export const questSelect = { questId: true, state: true, acceptedAt: true, completedAt: true } satisfies Prisma.CharacterQuestSelect;

/** The row as returned; `state` is narrowed (the CHECK constraint guarantees it). */
export function toQuestRecord(row: Prisma.CharacterQuestGetPayload<{ select: typeof questSelect }>): QuestRecord {
  return { ...row, state: row.state as QuestState };
}

/** Why a quest cannot be accepted or completed now, given its current state (or none). */
export function questStateError(characterId: number, questId: number, state: string | undefined): DbError {
  const details = { characterId, questId, state: state ?? null };
  if (state === "completed") return new DbError(DB_ERROR_CODES.QUEST_ALREADY_COMPLETED, `Character ${characterId} has completed quest ${questId}`, { details });
  if (state === "accepted")
    return new DbError(DB_ERROR_CODES.QUEST_ALREADY_ACCEPTED, `Character ${characterId} has accepted quest ${questId} already`, { details });
  return new DbError(DB_ERROR_CODES.QUEST_NOT_ACCEPTED, `Character ${characterId} has not accepted quest ${questId}`, { details });
}
