import { z } from "zod";
import { idSchema, keySchema } from "./common";
import { COLLECTIBLE_UNLOCK } from "./mount";

/**
 * A combat pet. `levelCurve[i]` is the total XP a pet needs to be level `i + 1`, so it starts at 0,
 * strictly increases, and its length is the maximum level. (The seed's comment, "XP needed to reach
 * each level", read as cumulative; a pet keeps its XP when it is switched out.)
 */
export const petSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  category: keySchema,
  baseDamage: z.int().nonnegative(),
  /** Seconds between auto-attacks. */
  attackSpeed: z.number().positive(),
  levelCurve: z
    .array(z.int().nonnegative())
    .min(1)
    .refine((curve) => curve[0] === 0, "must start at 0 (level 1 needs no XP)")
    .refine((curve) => curve.every((xp, i) => i === 0 || xp > (curve[i - 1] ?? 0)), "must strictly increase"),
  unlock: z.enum(COLLECTIBLE_UNLOCK),
});

/** A pet definition. */
export type Pet = z.output<typeof petSchema>;
