// Input shapes shared by changeReputation and completeQuest, which validates its reputation
// rewards before it changes anything.
import { z } from "zod";
import { ClientIdSchema } from "../validation.js";

const MIN_INT32 = -2147483648;
const MAX_INT32 = 2147483647;
const Int32 = z.number().int().min(MIN_INT32).max(MAX_INT32);

/** One change to a faction's standing. */
export interface ReputationDelta {
  factionId: number;
  /** A non-zero safe integer; the result is clamped to the bounds. */
  delta: number;
}

/** The standing's range: the reputation scale's clamp (e.g. -42000..42000). */
export interface ReputationBounds {
  min: number;
  max: number;
}

/** A standing before and after one change. */
export interface ReputationChange {
  factionId: number;
  before: number;
  after: number;
}

export const ReputationDeltaSchema = z.object({
  factionId: ClientIdSchema,
  // z.number().int() only accepts safe integers; the SQL adds in bigint before clamping.
  delta: z
    .number()
    .int()
    .refine((d) => d !== 0, "must not be 0"),
});

/** At most this many changes per call (a kill or a quest has a handful). */
export const MAX_REPUTATION_CHANGES = 100;

export const ReputationChangesSchema = z.array(ReputationDeltaSchema).max(MAX_REPUTATION_CHANGES);

export const ReputationBoundsSchema = z.object({ min: Int32, max: Int32 }).refine((b) => b.min <= b.max, { message: "min must not exceed max", path: ["max"] });
