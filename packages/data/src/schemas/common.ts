import { z } from "zod";
import { MAX_MONEY, maxOfBits, WIRE_BITS, wireIdSchema } from "./wire";

/** Largest id a 14-bit wire field can carry (titles and factions are sent as 14 bits). */
export const MAX_WIRE_ID_14 = maxOfBits(WIRE_BITS.factionId);

/** A positive integer id. */
export const idSchema = z.int().positive();

/** A positive id that fits a 14-bit wire field (factions, titles). */
export const wireId14Schema = wireIdSchema("factionId");

/** Lowercase identifier used for level names, path keys and event ids. */
export const keySchema = z.string().regex(/^[a-z][a-z0-9_-]*$/, "must be a lowercase identifier");

/**
 * An amount of money. JSON carries a non-negative safe integer (or a decimal string for values
 * beyond 2^53); the parsed value is a `bigint` so no arithmetic on money ever rounds. Amounts above
 * {@link MAX_MONEY} (2^63 - 1) are refused: no balance or wire field could hold them.
 */
export const moneySchema = z
  .union([z.int().nonnegative(), z.string().regex(/^\d+$/, "must be a non-negative integer")])
  .transform((value) => BigInt(value))
  .refine((value) => value <= MAX_MONEY, `must be at most ${MAX_MONEY} (2^63 - 1)`);

/** An ISO 8601 timestamp with a zone, parsed to a `Date`. */
export const timestampSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** A standing change granted by a kill or a quest. */
export const reputationRewardSchema = z.strictObject({
  factionId: wireId14Schema,
  amount: z.int().refine((amount) => amount !== 0, "must not be zero"),
});

/** A standing change granted by a kill or a quest. */
export type ReputationReward = z.output<typeof reputationRewardSchema>;

/**
 * "At least this level with this faction". The level is a level name (or alias) that every shipped
 * reputation scale must define; that is checked when the data loads.
 */
export const reputationRequirementSchema = z.strictObject({
  factionId: wireId14Schema,
  level: keySchema,
});

/** "At least this level with this faction". */
export type ReputationRequirement = z.output<typeof reputationRequirementSchema>;
