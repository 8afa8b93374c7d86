import type { ReputationScale } from "@bezgelor/data";
import { reputationLevel, reputationLevelByName } from "./standing";

/**
 * Whether a standing has reached a level, counting from neutral in that level's direction:
 * a positive level (friendly) is met at it or above, a negative level (hated) at it or below, and
 * the neutral level at neutral or above (it means "not on bad terms"; having no direction, it takes
 * the favourable one).
 * @throws {CoreError} `UNKNOWN_LEVEL` when the scale has no such level name or alias;
 *   `INVALID_STANDING` when `standing` is not a safe integer.
 */
export function meetsRequirement(scale: ReputationScale, standing: number, requiredLevelName: string): boolean {
  const required = reputationLevelByName(scale, requiredLevelName);
  const current = reputationLevel(scale, standing);
  return required.direction === "negative" ? current.index <= required.index : current.index >= required.index;
}
