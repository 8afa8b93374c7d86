// The one mapping from the data's reward entries ({ factionId, amount }) to the standing changes an
// action applies ({ factionId, delta }). Kills, quests, achievements and path levels all use it.
import type { PathDef, ReputationReward } from "@bezgelor/data";

/** One change to a faction's standing: `delta` is added, then the result is clamped to the scale. */
export interface ReputationDelta {
  readonly factionId: number;
  readonly delta: number;
}

/** The standing changes a list of data rewards grants, in the data's order. Never throws. */
export function reputationDeltas(rewards: readonly ReputationReward[]): ReputationDelta[] {
  return rewards.map((r) => ({ factionId: r.factionId, delta: r.amount }));
}

/**
 * The levels with a reward that a path passes going from level `before` to `after`: every rewarded
 * level L with before < L <= after, lowest first. Going down (or staying) passes no level. Whether
 * a passed level still pays is the database's to say (a reward is paid once per character and level,
 * ever: `claimLevelRewards` in @bezgelor/db). Never throws.
 */
export function pathRewardLevels(path: PathDef, before: number, after: number): number[] {
  return path.levelRewards
    .map((r) => r.level)
    .filter((level) => level > before && level <= after)
    .sort((a, b) => a - b);
}

/**
 * The standing changes the rewards of `levels` grant, lowest level first; a level without a reward
 * grants nothing. Never throws.
 */
export function pathLevelRewards(path: PathDef, levels: readonly number[]): ReputationDelta[] {
  const wanted = new Set(levels);
  return path.levelRewards
    .filter((r) => wanted.has(r.level))
    .sort((a, b) => a.level - b.level)
    .flatMap((r) => reputationDeltas(r.reputation));
}
