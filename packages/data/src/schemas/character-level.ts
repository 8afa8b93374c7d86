import { z } from "zod";

/** The highest character level (NexusForever `Game/Entity/XpManager.cs` caps GrantXp at 50). */
export const MAX_CHARACTER_LEVEL = 50;

/**
 * One character level and the total XP that reaches it (NexusForever's XpPerLevel game table:
 * `Id` the level, `MinXpForLevel`). `minXp` fits the `characters.xp` column (a PostgreSQL integer).
 * The shipped table (`character-levels.json`) must start at level 1 with 0 XP and rise level by
 * level with strictly more XP each (checked when the data is built).
 */
export const characterLevelSchema = z.strictObject({
  id: z.int().min(1).max(MAX_CHARACTER_LEVEL),
  minXp: z
    .int()
    .nonnegative()
    .max(2 ** 31 - 1),
});

/** A character level. */
export type CharacterLevel = z.output<typeof characterLevelSchema>;
