import { levelAfterXp } from "@bezgelor/core";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { IdSchema, refuseUnshown } from "../validation.js";

/** Most XP a character holds: the `characters.xp` column is a PostgreSQL integer (2^31 − 1); more is not kept. */
export const MAX_CHARACTER_XP = 2 ** 31 - 1;

/** Why XP was granted: a creature killed, a quest completed, a GM's grant. */
export const EXPERIENCE_REASONS = ["kill", "quest", "gm"] as const;

/** One of {@link EXPERIENCE_REASONS}. */
export type ExperienceReason = (typeof EXPERIENCE_REASONS)[number];

const Input = z.object({
  characterId: IdSchema,
  amount: z.number().int().positive().max(MAX_CHARACTER_XP),
  reason: z.enum(EXPERIENCE_REASONS),
  /** What caused it, e.g. "kill 12347": 1..100 characters after trimming, none a control or override (shown in logs and events). */
  source: z.string().trim().min(1).max(100).superRefine(refuseUnshown),
});

/** The input of {@link grantExperience}. */
export type GrantExperienceInput = z.input<typeof Input>;

/** What {@link grantExperience} returns: XP actually added (0 once at the cap), the new total and the level after. */
export interface GrantExperienceResult {
  gained: number;
  total: number;
  level: number;
}

/**
 * Adds XP to a character in one statement (capped at {@link MAX_CHARACTER_XP}; the row is locked,
 * so concurrent grants add up), then raises its level to the one its new total reaches in the game
 * data's `characterLevels` (core `levelAfterXp`: several levels at once if the XP covers them, at
 * most the table's last level, never lowered), in the same transaction.
 * Events: experience.gained (when anything was added), then character.level-changed (when the
 * level rose).
 * Throws DbError CHARACTER_NOT_FOUND, INVALID_AMOUNT (not a positive integer), INVALID_INPUT.
 */
export const grantExperience = defineAction({
  name: "character.grant-experience",
  input: Input,
  describe: (i) => `Granting ${i.amount} XP to character ${i.characterId}`,
  async run(ctx, i): Promise<GrantExperienceResult> {
    const rows = await ctx.tx.$queryRaw<{ before: number; after: number; accountId: number; level: number }[]>`
      WITH old AS (SELECT "id", "xp" FROM "characters" WHERE "id" = ${i.characterId} FOR UPDATE)
      UPDATE "characters" c SET "xp" = LEAST(old."xp"::bigint + ${i.amount}, ${MAX_CHARACTER_XP})::int
      FROM old WHERE c."id" = old."id"
      RETURNING old."xp" AS "before", c."xp" AS "after", c."account_id" AS "accountId", c."level" AS "level"`;
    const row = rows[0];
    if (!row) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${i.characterId}`, { details: { characterId: i.characterId } });
    const gained = row.after - row.before;
    if (gained > 0) {
      ctx.emit({
        kind: "experience.gained",
        accountId: row.accountId,
        characterId: i.characterId,
        amount: gained,
        total: row.after,
        reason: i.reason,
        source: i.source,
      });
      ctx.step("experience.gained");
    }
    const level = levelAfterXp(ctx.rules.data.characterLevels.all(), row.level, row.after);
    if (level > row.level) {
      await ctx.tx.character.update({ where: { id: i.characterId }, data: { level } });
      ctx.emit({ kind: "character.level-changed", accountId: row.accountId, characterId: i.characterId, from: row.level, level });
      ctx.step("character.level-changed");
    }
    return { gained, total: row.after, level };
  },
});
