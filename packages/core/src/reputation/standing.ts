import type { ReputationLevel, ReputationScale } from "@bezgelor/data";
import { CORE_ERROR_CODE, CoreError } from "../errors";

/** @throws {CoreError} `INVALID_STANDING` unless `value` is a safe integer. */
export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new CoreError(CORE_ERROR_CODE.INVALID_STANDING, `${what} must be a safe integer, got ${value}`);
}

/** The range every stored standing is clamped to under a scale: its `minStanding..maxStanding`. Never throws. */
export function standingBounds(scale: ReputationScale): { readonly min: number; readonly max: number } {
  return { min: scale.minStanding, max: scale.maxStanding };
}

/**
 * The standing limited to the scale's bounds.
 * @throws {CoreError} `INVALID_STANDING` when `standing` is not a safe integer.
 */
export function clampStanding(scale: ReputationScale, standing: number): number {
  assertSafeInteger(standing, "standing");
  const { min, max } = standingBounds(scale);
  return Math.min(max, Math.max(min, standing));
}

/**
 * The level a standing falls in. A standing outside the scale's bounds counts as clamped (the lowest
 * or highest level), so a value stored under a wider scale still has a level.
 * @throws {CoreError} `INVALID_STANDING` when `standing` is not a safe integer.
 */
export function reputationLevel(scale: ReputationScale, standing: number): ReputationLevel {
  const clamped = clampStanding(scale, standing);
  // Levels are few (8 or 11): a linear scan from the top is clearer than a binary search.
  for (let i = scale.levels.length - 1; i >= 0; i--) {
    const level = scale.levels[i];
    if (level !== undefined && clamped >= level.minStanding) return level;
  }
  // The data guarantees levels[0].minStanding === scale.minStanding <= clamped.
  throw new CoreError(CORE_ERROR_CODE.INVALID_STANDING, `standing ${standing} is below every level of scale "${scale.id}"`);
}

/**
 * The level of a scale by name or alias (`"friendly"` is Liked under the `wildstar` scale).
 * @throws {CoreError} `UNKNOWN_LEVEL` when the scale defines no such name or alias.
 */
export function reputationLevelByName(scale: ReputationScale, name: string): ReputationLevel {
  const level = scale.levelsByName.get(name);
  if (level === undefined) throw new CoreError(CORE_ERROR_CODE.UNKNOWN_LEVEL, `scale "${scale.id}" has no level "${name}"`);
  return level;
}
