// The conditional UPDATE (accepted -> completed) is the gate: racing completers wait on the quest
// row's lock and, once the winner commits, no longer match. The completeQuest action pays the
// rewards after this gate in the same transaction, so they are paid once, or not at all.
import type { Prisma } from "../generated/prisma/client";
import { requireCharacter } from "./character-exists.js";
import { questStateError } from "./quest-record.js";

/**
 * Moves an accepted quest to completed, in the caller's transaction. Throws DbError
 * QUEST_NOT_ACCEPTED, QUEST_ALREADY_COMPLETED, CHARACTER_NOT_FOUND (nothing changed).
 */
export async function markQuestCompleted(tx: Prisma.TransactionClient, characterId: number, questId: number): Promise<void> {
  const changed = await tx.$executeRaw`UPDATE "character_quests" SET "state" = 'completed', "completed_at" = CURRENT_TIMESTAMP
    WHERE "character_id" = ${characterId} AND "quest_id" = ${questId} AND "state" = 'accepted'`;
  if (changed === 1) return;
  const quest = await tx.characterQuest.findUnique({ where: { characterId_questId: { characterId, questId } }, select: { state: true } });
  if (!quest) await requireCharacter(tx, characterId);
  throw questStateError(characterId, questId, quest?.state ?? undefined);
}
