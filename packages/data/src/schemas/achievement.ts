import { z } from "zod";
import { collectibleRewardSchema } from "./collectible-reward";
import { reputationRewardSchema } from "./common";
import { wireIdSchema } from "./wire";

/** An achievement; earning it grants its reputation rewards and collectibles (once) and can unlock titles. */
export const achievementSchema = z.strictObject({
  id: wireIdSchema("achievementId"),
  name: z.string().min(1),
  description: z.string().default(""),
  points: z.int().nonnegative().default(10),
  rewards: z
    .strictObject({
      reputation: z.array(reputationRewardSchema).default([]),
      /** Mounts and pets unlocked for the whole account when a character earns it (source "achievement"). */
      collectibles: z.array(collectibleRewardSchema).default([]),
    })
    .default({ reputation: [], collectibles: [] }),
});

/** An achievement; titles can unlock when one is earned. */
export type Achievement = z.output<typeof achievementSchema>;
