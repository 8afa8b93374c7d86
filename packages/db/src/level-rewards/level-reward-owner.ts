/**
 * Who a level reward is paid to: a character (path levels; later pet levels and mount upgrades) or
 * an account (later VIP tiers). Mirrors the CHECK on `level_reward_claims.owner_kind`.
 */
export const LEVEL_REWARD_OWNER_KINDS = ["character", "account"] as const;
/** One of {@link LEVEL_REWARD_OWNER_KINDS}. */
export type LevelRewardOwnerKind = (typeof LEVEL_REWARD_OWNER_KINDS)[number];

/** The owner of a reward track: `{ kind: "character", id: 12 }`. */
export interface LevelRewardOwner {
  readonly kind: LevelRewardOwnerKind;
  readonly id: number;
}

/** The reward track of a path's levels: `path:soldier`. */
export function pathRewardTrack(path: string): string {
  return `path:${path}`;
}
