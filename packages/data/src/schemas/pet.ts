import { z } from "zod";
import { idSchema, keySchema, moneySchema } from "./common";
import { COLLECTIBLE_UNLOCK } from "./mount";
import { MAX_SPELL_RANGE } from "./spell";
import { wireIdSchema } from "./wire";

/** The level every combat pet's curve reaches (seed 000's default curve has 25 entries). */
export const MAX_PET_LEVEL = 25;

/** What a pet's owner gets once when the pet first reaches a level: gold (copper). */
export const petLevelRewardSchema = z.strictObject({
  level: z.int().min(2).max(MAX_PET_LEVEL),
  gold: moneySchema.refine((gold) => gold > 0n, "must be positive"),
});

/** A pet level reward. */
export type PetLevelReward = z.output<typeof petLevelRewardSchema>;

/**
 * A combat pet. `levelCurve[i]` is the total XP a pet needs to be level `i + 1`, so it starts at 0,
 * strictly increases, and has {@link MAX_PET_LEVEL} entries. (Seed 000's "XP needed to reach each
 * level", read as cumulative; a pet keeps its XP when it is switched out.)
 */
export const petSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    category: keySchema,
    /** The creature the pet appears as. */
    creatureId: wireIdSchema("creatureId"),
    /** Damage per attack is `baseDamage + level * 2` (seed 002). */
    baseDamage: z.int().nonnegative(),
    /** Seconds between auto-attacks. */
    attackInterval: z.number().positive(),
    /**
     * What the pet's auto-attack shows and reaches: the Spell4 id of its ServerSpellStart, the
     * Spell4Effects id of the damage in ServerSpellGo, and the metres (3-D, from the pet) within
     * which it keeps fighting its target.
     */
    attack: z.strictObject({
      spell4Id: wireIdSchema("spell4Id"),
      effectId: wireIdSchema("spell4EffectId"),
      range: z.number().positive().max(MAX_SPELL_RANGE),
    }),
    levelCurve: z
      .array(z.int().nonnegative())
      .length(MAX_PET_LEVEL)
      .refine((curve) => curve[0] === 0, "must start at 0 (level 1 needs no XP)")
      .refine((curve) => curve.every((xp, i) => i === 0 || xp > (curve[i - 1] ?? 0)), "must strictly increase"),
    levelRewards: z.array(petLevelRewardSchema).default([]),
    unlock: z.enum(COLLECTIBLE_UNLOCK),
  })
  .refine((pet) => new Set(pet.levelRewards.map((r) => r.level)).size === pet.levelRewards.length, {
    message: "must not reward a level twice",
    path: ["levelRewards"],
  });

/** A pet definition. */
export type Pet = z.output<typeof petSchema>;
