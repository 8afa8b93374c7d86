// The conditional UPDATE (accepted -> completed) is the gate: racing completers wait on the
// quest row's lock and, once the winner commits, no longer match. Rewards are granted after the
// gate in the same transaction, so they are granted once, or not at all if anything fails.
import { z } from "zod";
import { runTransaction, type DbClient } from "../client.js";
import { applyCurrencyChange } from "../currency/apply-currency-change.js";
import { toDbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { changeReputation } from "../reputation/change-reputation.js";
import {
  ReputationBoundsSchema,
  ReputationChangesSchema,
  type ReputationBounds,
  type ReputationChange,
  type ReputationDelta,
} from "../reputation/reputation-input.js";
import { IdSchema, parseGoldAmountOrZero, parseInput, ReasonSchema } from "../validation.js";
import { requireCharacter } from "./character-exists.js";
import { questStateError } from "./quest-record.js";

/** Options for {@link completeQuest}. */
export interface CompleteQuestOptions {
  characterId: number;
  questId: number;
  rewards: {
    /** 0n for none. */
    gold: bigint;
    reputation: ReputationDelta[];
  };
  /** The reputation scale's clamp. */
  bounds: ReputationBounds;
  /** Ledger reason for the gold (1..64 characters); defaults to "quest <questId>". */
  reason?: string;
}

/** Result of {@link completeQuest}. */
export interface CompleteQuestResult {
  /** The balance after the gold reward; null when the reward had no gold. */
  gold: { balance: bigint } | null;
  /** Each reputation reward's standing before and after, in the order given. */
  reputation: ReputationChange[];
}

const InputSchema = z.object({
  characterId: IdSchema,
  questId: IdSchema,
  rewards: z.object({ reputation: ReputationChangesSchema }),
  bounds: ReputationBoundsSchema,
  reason: ReasonSchema.optional(),
});

async function markCompleted(tx: Prisma.TransactionClient, characterId: number, questId: number): Promise<void> {
  const changed = await tx.$executeRaw`UPDATE "character_quests" SET "state" = 'completed', "completed_at" = CURRENT_TIMESTAMP
    WHERE "character_id" = ${characterId} AND "quest_id" = ${questId} AND "state" = 'accepted'`;
  if (changed === 1) return;
  const quest = await tx.characterQuest.findUnique({ where: { characterId_questId: { characterId, questId } }, select: { state: true } });
  if (!quest) await requireCharacter(tx, characterId);
  throw questStateError(characterId, questId, quest?.state ?? undefined);
}

/**
 * Completes an accepted quest and grants its rewards, all in one transaction (the caller's when
 * `db` is a transaction client): the state change, the gold with its ledger row,
 * and the reputation through changeReputation. Of concurrent completions exactly one succeeds, so
 * rewards are granted once; if any step fails nothing is changed.
 * Throws DbError QUEST_NOT_ACCEPTED, QUEST_ALREADY_COMPLETED, CHARACTER_NOT_FOUND,
 * BALANCE_OVERFLOW (the gold would pass 2^63-1), INVALID_AMOUNT (gold not a bigint in
 * 0..2^63-1), INVALID_INPUT (ids, reputation changes or bounds as for changeReputation, reason).
 */
export async function completeQuest(db: DbClient, options: CompleteQuestOptions): Promise<CompleteQuestResult> {
  const input = parseInput(InputSchema, options);
  const gold = parseGoldAmountOrZero(options.rewards.gold);
  const { characterId, questId, bounds } = input;
  const source = `quest ${questId}`;
  try {
    return await runTransaction(db, async (tx) => {
      await markCompleted(tx, characterId, questId);
      const balance =
        gold === 0n
          ? null
          : (
              await applyCurrencyChange(tx, {
                currency: "gold",
                characterId,
                delta: gold,
                reason: input.reason ?? source,
                source: "quest",
                actor: `character:${characterId}`,
                idempotencyKey: null,
              })
            ).balanceAfter;
      const reputation = await changeReputation(tx, { characterId, changes: input.rewards.reputation, bounds, source });
      return { gold: balance === null ? null : { balance }, reputation };
    });
  } catch (error) {
    throw toDbError(error, `Completing quest ${questId} for character ${characterId} failed`);
  }
}
