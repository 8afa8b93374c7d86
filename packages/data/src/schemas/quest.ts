import { z } from "zod";
import { collectibleRewardSchema } from "./collectible-reward";
import { moneySchema, reputationRewardSchema, wireId14Schema } from "./common";
import { wireIdSchema } from "./wire";

/** A quest and the rewards for turning it in (each granted once per character). */
export const questSchema = z.strictObject({
  id: wireIdSchema("questId"),
  name: z.string().min(1),
  level: z.int().positive(),
  rewards: z.strictObject({
    gold: moneySchema.default(0n),
    xp: z.int().nonnegative().default(0),
    reputation: z.array(reputationRewardSchema).default([]),
    /** A title granted directly on turn-in, besides any title whose unlock names this quest. */
    titleId: wireId14Schema.optional(),
    /** Mounts and pets unlocked for this character on turn-in (source "quest"). */
    collectibles: z.array(collectibleRewardSchema).default([]),
  }),
});

/** A quest and the rewards for turning it in. */
export type Quest = z.output<typeof questSchema>;
