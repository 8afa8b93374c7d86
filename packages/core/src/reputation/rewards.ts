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
 * The standing changes for every level reward passed when a path goes from level `before` to
 * `after`: the rewards of levels L with before < L <= after, in level order. Going down (or staying)
 * passes no level and grants nothing, so a reward is granted once however the level moves.
 * Never throws.
 */
export function pathLevelRewards(path: PathDef, before: number, after: number): ReputationDelta[] {
  return path.levelRewards
    .filter((r) => r.level > before && r.level <= after)
    .sort((a, b) => a.level - b.level)
    .flatMap((r) => reputationDeltas(r.reputation));
}
