import type { ReputationLevel, ReputationScale } from "@bezgelor/data";
import { assertSafeInteger, clampStanding, reputationLevel } from "./standing";

/** What a standing change did. */
export interface StandingChange {
  /** The new standing, inside the scale's bounds. */
  readonly standing: number;
  /** The change actually applied after clamping (0 when already at the bound). */
  readonly applied: number;
  readonly oldLevel: ReputationLevel;
  readonly newLevel: ReputationLevel;
  /** Whether the level changed (the trigger for title checks and level-change messages). */
  readonly changed: boolean;
}

/**
 * Apply a delta to a standing and clamp the result. The old standing is clamped first, so a value
 * stored under a wider scale is brought into bounds.
 * @throws {CoreError} `INVALID_STANDING` when `standing` or `delta` is not a safe integer.
 */
export function applyStandingChange(scale: ReputationScale, standing: number, delta: number): StandingChange {
  assertSafeInteger(delta, "delta");
  const before = clampStanding(scale, standing);
  const after = clampStanding(scale, before + delta);
  const oldLevel = reputationLevel(scale, before);
  const newLevel = reputationLevel(scale, after);
  return { standing: after, applied: after - before, oldLevel, newLevel, changed: oldLevel.index !== newLevel.index };
}

/** The levels of two standings (e.g. before and after a change stored by the database). */
export interface LevelChange {
  readonly levelBefore: ReputationLevel;
  readonly levelAfter: ReputationLevel;
  /** Whether the level changed (the trigger for reputation title checks). */
  readonly changed: boolean;
}

/**
 * The level before and after a standing went from `before` to `after` (each read as clamped to
 * the scale), and whether it changed.
 * @throws {CoreError} `INVALID_STANDING` when either is not a safe integer.
 */
export function levelChange(scale: ReputationScale, before: number, after: number): LevelChange {
  const levelBefore = reputationLevel(scale, before);
  const levelAfter = reputationLevel(scale, after);
  return { levelBefore, levelAfter, changed: levelBefore.index !== levelAfter.index };
}
