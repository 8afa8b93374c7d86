import { z } from "zod";
import { keySchema } from "./common";

/** Name of the scale used when configuration names none: the seed's eight levels. */
export const DEFAULT_REPUTATION_SCALE = "classic";

/** Where a level lies relative to the neutral level (the level that holds standing 0). */
export const REPUTATION_DIRECTION = { NEGATIVE: "negative", NEUTRAL: "neutral", POSITIVE: "positive" } as const;

/** One of the {@link REPUTATION_DIRECTION} values. */
export type ReputationDirection = (typeof REPUTATION_DIRECTION)[keyof typeof REPUTATION_DIRECTION];

const levelSchema = z.strictObject({
  name: keySchema,
  /** Names from other scales that mean this level here, so one requirement works under every scale. */
  aliases: z.array(keySchema).default([]),
  label: z.string().min(1),
  minStanding: z.int(),
  discountPercent: z.int().min(0).max(100),
  canBuy: z.boolean(),
  canInteract: z.boolean(),
});

const rawScaleSchema = z.strictObject({
  id: keySchema,
  description: z.string().default(""),
  minStanding: z.int(),
  maxStanding: z.int(),
  levels: z.array(levelSchema).min(1),
});

type RawScale = z.output<typeof rawScaleSchema>;

/** One level of a scale, with what data derives from its position. */
export interface ReputationLevel {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly label: string;
  /** Position in the scale, 0 = the lowest level. */
  readonly index: number;
  readonly minStanding: number;
  /** Highest standing still in this level (the next level's minimum - 1, or the scale's maximum). */
  readonly maxStanding: number;
  readonly discountPercent: number;
  readonly canBuy: boolean;
  readonly canInteract: boolean;
  readonly direction: ReputationDirection;
}

/** A reputation level table: ordered levels and the bounds standing is clamped to. */
export interface ReputationScale {
  readonly id: string;
  readonly description: string;
  readonly minStanding: number;
  readonly maxStanding: number;
  /** Lowest level first. */
  readonly levels: readonly ReputationLevel[];
  /** The level holding standing 0. */
  readonly neutral: ReputationLevel;
  /** Levels by name and by alias (a level's own name wins over another level's alias). */
  readonly levelsByName: ReadonlyMap<string, ReputationLevel>;
}

function checkScale(scale: RawScale, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string): void => {
    ctx.addIssue({ code: "custom", path, message });
  };
  const first = scale.levels[0];
  if (first !== undefined && first.minStanding !== scale.minStanding) {
    issue(["levels", 0, "minStanding"], `must equal the scale's minStanding ${scale.minStanding}`);
  }
  scale.levels.forEach((level, i) => {
    const previous = scale.levels[i - 1];
    if (previous !== undefined && level.minStanding <= previous.minStanding) {
      issue(["levels", i, "minStanding"], `must be above the previous level's ${previous.minStanding}`);
    }
    if (level.minStanding > scale.maxStanding) issue(["levels", i, "minStanding"], "must not exceed maxStanding");
  });
  if (scale.minStanding > 0 || scale.maxStanding < 0) issue(["minStanding"], "the range must contain 0 (neutral)");
  const names = new Set<string>();
  scale.levels.forEach((level, i) => {
    if (names.has(level.name)) issue(["levels", i, "name"], `duplicate level name "${level.name}"`);
    names.add(level.name);
  });
  const aliases = new Set<string>();
  scale.levels.forEach((level, i) =>
    level.aliases.forEach((alias, j) => {
      if (aliases.has(alias)) issue(["levels", i, "aliases", j], `alias "${alias}" is used twice`);
      aliases.add(alias);
    }),
  );
}

function deriveScale(scale: RawScale): ReputationScale {
  const neutralIndex = scale.levels.findLastIndex((level) => level.minStanding <= 0);
  const levels = scale.levels.map((level, index): ReputationLevel => {
    const next = scale.levels[index + 1];
    const direction = index < neutralIndex ? "negative" : index === neutralIndex ? "neutral" : "positive";
    return Object.freeze({
      ...level,
      aliases: Object.freeze([...level.aliases]),
      index,
      maxStanding: next === undefined ? scale.maxStanding : next.minStanding - 1,
      direction,
    });
  });
  const levelsByName = new Map<string, ReputationLevel>();
  for (const level of levels) for (const alias of level.aliases) levelsByName.set(alias, level);
  for (const level of levels) levelsByName.set(level.name, level);
  const neutral = levels[neutralIndex];
  // checkScale guarantees minStanding <= 0 and levels[0].minStanding === minStanding, so one level holds 0.
  if (neutral === undefined) throw new Error("unreachable: scale has no neutral level");
  return Object.freeze({ ...scale, levels: Object.freeze(levels), neutral, levelsByName });
}

/** Schema of one entry of `reputation-levels.json`; parses to a {@link ReputationScale}. */
export const reputationScaleSchema = rawScaleSchema.superRefine(checkScale).transform(deriveScale);
