import { z } from "zod";
import { reputationRewardSchema } from "./common";

/** WildStar's four paths; the value is the key used in data files and GM commands. */
export const PATH_KEY = ["soldier", "settler", "scientist", "explorer"] as const;

/** One of {@link PATH_KEY}. */
export type PathKey = (typeof PATH_KEY)[number];

/** Highest path level anywhere: the database stores 0..100 (CHECK on `character_path_levels.level`). */
export const MAX_PATH_LEVEL = 100;

/** A character path. `pathId` is the client's numeric path enum (soldier 0 .. explorer 3). */
export const pathSchema = z.strictObject({
  id: z.enum(PATH_KEY),
  pathId: z.int().min(0).max(3),
  name: z.string().min(1),
  maxLevel: z.int().positive().max(MAX_PATH_LEVEL),
  /** Reputation granted when a character reaches each listed level. */
  levelRewards: z.array(z.strictObject({ level: z.int().positive(), reputation: z.array(reputationRewardSchema).min(1) })).default([]),
});

/** A character path. */
export type PathDef = z.output<typeof pathSchema>;
