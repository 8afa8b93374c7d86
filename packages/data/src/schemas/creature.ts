import { z } from "zod";
import { reputationRewardSchema, wireId14Schema } from "./common";
import { maxOfBits, wireIdSchema } from "./wire";

/** Health a creature has per level when its data gives none. */
export const CREATURE_HEALTH_PER_LEVEL = 100;

/**
 * A creature (a Creature2 id: it is sent in `ServerEntityCreate` in 18 bits); killing it grants
 * XP and standing changes. `health` is its maximum health (a u32 stat on the wire); without it a
 * creature has {@link CREATURE_HEALTH_PER_LEVEL} per level (see {@link creatureHealth}).
 * `factionId` is the faction its unit is created with (none: 0).
 */
export const creatureSchema = z.strictObject({
  id: wireIdSchema("creatureId"),
  name: z.string().min(1),
  level: z.int().positive(),
  health: z.int().positive().max(maxOfBits(32)).optional(),
  factionId: wireId14Schema.optional(),
  rewards: z.strictObject({
    /** XP the killer gains (ServerExperienceGained, a u32). */
    xp: z.int().nonnegative().max(maxOfBits(32)).default(0),
    reputation: z.array(reputationRewardSchema).default([]),
  }),
});

/** A creature; killing it grants XP and standing changes. */
export type Creature = z.output<typeof creatureSchema>;

/** The creature's maximum health: its `health`, else {@link CREATURE_HEALTH_PER_LEVEL} per level. */
export function creatureHealth(creature: Creature): number {
  return creature.health ?? creature.level * CREATURE_HEALTH_PER_LEVEL;
}
