import type { Creature, SpellOf } from "@bezgelor/data";

/**
 * How much each level of difference between attacker and target changes damage: 5 % more per level
 * above the target, 5 % less per level below.
 */
export const DAMAGE_PER_LEVEL_DIFFERENCE = 0.05;

/** The level difference never scales damage below half or above one and a half times. */
export const DAMAGE_LEVEL_FACTOR_BOUNDS = { min: 0.5, max: 1.5 } as const;

/** Every hit does at least this much (a basic attack always scratches). */
export const MIN_DAMAGE = 1;

/**
 * The factor the level difference applies: 1 + 0.05 × (attacker level − target level), clamped
 * to {@link DAMAGE_LEVEL_FACTOR_BOUNDS}. Equal levels: 1.
 */
export function levelDifferenceFactor(attackerLevel: number, targetLevel: number): number {
  const factor = 1 + DAMAGE_PER_LEVEL_DIFFERENCE * (attackerLevel - targetLevel);
  return Math.min(DAMAGE_LEVEL_FACTOR_BOUNDS.max, Math.max(DAMAGE_LEVEL_FACTOR_BOUNDS.min, factor));
}

/**
 * Damage of a basic attack by a character of `attackerLevel` on `target` (NexusForever has no
 * formula: its Damage effect is a flat placeholder; this is the server's own, deterministic, no
 * critical hits or avoidance yet):
 *
 *   raw    = base + perLevel × attackerLevel                     (the spell's `damage`)
 *   damage = max(1, floor(raw × levelDifferenceFactor(attackerLevel, target.level)))
 *
 * Example: the sample attack (40 + 10 per level) at level 1 on a level-8 Girrok:
 * raw 50, factor 1 − 0.35 = 0.65, damage 32.
 */
export function basicAttackDamage(spell: SpellOf<"basicAttack">, attackerLevel: number, target: Pick<Creature, "level">): { raw: number; damage: number } {
  const raw = spell.damage.base + spell.damage.perLevel * attackerLevel;
  const damage = Math.max(MIN_DAMAGE, Math.floor(raw * levelDifferenceFactor(attackerLevel, target.level)));
  return { raw, damage };
}

/** What a hit did to a unit's health. */
export interface HealthChange {
  /** Health after the hit, never below 0. */
  readonly health: number;
  /** Health actually taken (at most what the unit had). */
  readonly dealt: number;
  /** Damage beyond what killed the unit. */
  readonly overkill: number;
  /** The hit took the unit to 0. */
  readonly killed: boolean;
}

/** Applies `damage` to a unit with `health`: health never goes below 0, the excess is overkill. */
export function applyDamage(health: number, damage: number): HealthChange {
  const dealt = Math.min(health, Math.max(0, damage));
  const after = health - dealt;
  return { health: after, dealt, overkill: Math.max(0, damage - dealt), killed: health > 0 && after === 0 };
}
