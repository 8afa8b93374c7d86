import { z } from "zod";
import { idSchema, reputationRewardSchema } from "./common";

/** A creature; killing it grants XP and standing changes. */
export const creatureSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  level: z.int().positive(),
  rewards: z.strictObject({
    xp: z.int().nonnegative().default(0),
    reputation: z.array(reputationRewardSchema).default([]),
  }),
});

/** A creature; killing it grants XP and standing changes. */
export type Creature = z.output<typeof creatureSchema>;
