// Reputation with its consequences: the standings (clamped to the scale in SQL, no lost update),
// a reputation.changed event per change with both level names, and the title checks of every
// faction whose level changed, all in the action's transaction.
import { levelChange, standingBounds, type ReputationDelta } from "@bezgelor/core";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { characterAccountId } from "../characters/character-account.js";
import { checkTitles } from "../titles/check-titles.js";
import { IdSchema, ReasonSchema } from "../validation.js";
import { changeReputation } from "./change-reputation.js";
import { ReputationChangesSchema, type ReputationChange } from "./reputation-input.js";

/** One applied change with the level names (under the scale in force) before and after. */
export interface AwardedReputation extends ReputationChange {
  levelBefore: string;
  levelAfter: string;
}

/** What reputation did: each change in the order given, and the titles it unlocked. */
export interface AwardReputationResult {
  changes: AwardedReputation[];
  /** Title ids granted because a level changed, ascending per faction. */
  titles: number[];
}

/**
 * Applies standing changes inside an action: the rows, one reputation.changed event per change
 * (delta = after - before, 0 at a bound), then title checks for each faction whose level changed.
 * Calls the fault hook with "reputation.changed" before the title checks.
 */
export async function applyReputation(
  ctx: ActionContext,
  input: { accountId: number; characterId: number; changes: readonly ReputationDelta[]; source: string },
): Promise<AwardReputationResult> {
  if (input.changes.length === 0) return { changes: [], titles: [] };
  const { scale } = ctx.rules;
  const { accountId, characterId, source } = input;
  const rows = await changeReputation(ctx.tx, { characterId, changes: [...input.changes], bounds: standingBounds(scale), source });
  const changes = rows.map((r) => {
    const levels = levelChange(scale, r.before, r.after);
    return { ...r, levelBefore: levels.levelBefore.name, levelAfter: levels.levelAfter.name };
  });
  for (const c of changes) {
    ctx.emit({
      kind: "reputation.changed",
      accountId,
      characterId,
      factionId: c.factionId,
      delta: c.after - c.before,
      before: c.before,
      after: c.after,
      levelBefore: c.levelBefore,
      levelAfter: c.levelAfter,
      source,
    });
  }
  ctx.step("reputation.changed");
  const titles: number[] = [];
  for (const c of changes) {
    if (c.levelBefore === c.levelAfter) continue;
    titles.push(...(await checkTitles(ctx, { accountId, characterId }, { type: "reputation", factionId: c.factionId, standing: c.after })));
  }
  return { changes, titles };
}

const Input = z.object({
  characterId: IdSchema,
  /** Applied in order; a faction may appear more than once. At most 100. */
  changes: ReputationChangesSchema,
  /** What caused it (1..64 characters), e.g. "gm", "kill 12345"; in the events. */
  source: ReasonSchema,
});

/** The input of {@link awardReputation}. */
export type AwardReputationInput = z.input<typeof Input>;

/**
 * Changes a character's standings (each clamped to the scale's bounds) and grants the titles any
 * level change unlocks, in one transaction. Events: reputation.changed per change, title.granted
 * per title. Concurrent awards to one standing never lose an update.
 * Throws DbError UNKNOWN_GAME_DATA (a faction the data lacks), CHARACTER_NOT_FOUND, INVALID_INPUT (a faction id outside 1..16383, a delta that is
 * 0 or not a safe integer, more than 100 changes, source not 1..64 characters).
 */
export const awardReputation = defineAction({
  name: "reputation.award",
  input: Input,
  describe: (i) => `Changing reputation of character ${i.characterId} (${i.source})`,
  async run(ctx, i): Promise<AwardReputationResult> {
    for (const c of i.changes) requireDefinition(ctx.rules.data.factions, "faction", c.factionId);
    const accountId = await characterAccountId(ctx.tx, i.characterId);
    return applyReputation(ctx, { accountId, characterId: i.characterId, changes: i.changes, source: i.source });
  },
});
