import { reputationDeltas } from "@bezgelor/core";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { characterAccountId } from "../characters/character-account.js";
import { grantExperience, type GrantExperienceResult } from "../characters/grant-experience.js";
import { applyReputation, type AwardReputationResult } from "../reputation/award-reputation.js";
import { IdSchema } from "../validation.js";

const Input = z.object({ characterId: IdSchema, creatureId: IdSchema });

/** The input of {@link countKill}. */
export type CountKillInput = z.input<typeof Input>;

/** What {@link countKill} returns: the kill's reputation, the titles it unlocked and the XP it gave (null: the creature gives none). */
export interface CountKillResult extends AwardReputationResult {
  creatureId: number;
  xp: GrantExperienceResult | null;
}

/**
 * A creature died to the character (combat calls it for the killer; the GM command `!kill` too):
 * its reputation rewards from the game data are applied (source "kill <creatureId>") with their
 * title checks, and its XP (`rewards.xp`) added to the character (grantExperience), in one
 * transaction. Events: creature.killed, then reputation.changed and title.granted as
 * awardReputation, then experience.gained.
 * Throws DbError UNKNOWN_GAME_DATA (no such creature), CHARACTER_NOT_FOUND, INVALID_INPUT.
 */
export const countKill = defineAction({
  name: "creature.kill",
  input: Input,
  describe: (i) => `Counting a kill of creature ${i.creatureId} by character ${i.characterId}`,
  async run(ctx, i): Promise<CountKillResult> {
    const creature = requireDefinition(ctx.rules.data.creatures, "creature", i.creatureId);
    const accountId = await characterAccountId(ctx.tx, i.characterId);
    ctx.emit({ kind: "creature.killed", accountId, characterId: i.characterId, creatureId: i.creatureId });
    ctx.step("creature.killed");
    const reputation = await applyReputation(ctx, {
      accountId,
      characterId: i.characterId,
      changes: reputationDeltas(creature.rewards.reputation),
      source: `kill ${i.creatureId}`,
    });
    const source = `kill ${i.creatureId}`;
    const xp =
      creature.rewards.xp > 0 ? await grantExperience.within(ctx, { characterId: i.characterId, amount: creature.rewards.xp, reason: "kill", source }) : null;
    return { creatureId: i.creatureId, ...reputation, xp };
  },
});
