import type { CharacterLevel } from "@bezgelor/data";

/**
 * The level `xp` total XP reaches: the highest level in `levels` (data `characterLevels`) whose
 * `minXp` it has, at least 1, at most the table's last level (50 when shipped: XP beyond it raises
 * nothing, as NexusForever's XpManager stops at 50). An empty table gives 1.
 */
export function characterLevelForXp(levels: Iterable<CharacterLevel>, xp: number): number {
  let level = 1;
  for (const entry of levels) if (xp >= entry.minXp && entry.id > level) level = entry.id;
  return level;
}

/**
 * A character's level after its XP total became `xp`: {@link characterLevelForXp}, but never
 * below `current` (a level set by hand, say by a GM, is not taken away by a later grant).
 */
export function levelAfterXp(levels: Iterable<CharacterLevel>, current: number, xp: number): number {
  return Math.max(current, characterLevelForXp(levels, xp));
}
