import type { Pet } from "@bezgelor/data";

/**
 * The level a pet with `xp` total XP has: the highest level whose threshold in the pet's curve
 * (`levelCurve[level - 1]`, cumulative) it has reached, at most the curve's last level.
 */
export function petLevelForXp(pet: Pet, xp: number): number {
  let level = 1;
  for (let i = 1; i < pet.levelCurve.length; i++) if (xp >= (pet.levelCurve[i] ?? Infinity)) level = i + 1;
  return level;
}

/** The most XP a pet can hold: the threshold of its last level (XP beyond it is not kept). */
export function petXpCap(pet: Pet): number {
  return pet.levelCurve[pet.levelCurve.length - 1] ?? 0;
}

/** A pet's progress for the client: its level, XP into that level, and XP the next level needs (null at the cap). */
export interface PetXpProgress {
  readonly level: number;
  readonly xpIntoLevel: number;
  readonly xpToNextLevel: number | null;
}

/** Where `xp` total XP puts the pet on its curve. */
export function petXpProgress(pet: Pet, xp: number): PetXpProgress {
  const level = petLevelForXp(pet, xp);
  const floor = pet.levelCurve[level - 1] ?? 0;
  const next = pet.levelCurve[level];
  return { level, xpIntoLevel: xp - floor, xpToNextLevel: next === undefined ? null : next - xp };
}

/** The outcome of {@link applyPetXp}: the new total, both levels and every level newly reached, in order. */
export interface PetXpGain {
  readonly xp: number;
  readonly gained: number;
  readonly fromLevel: number;
  readonly toLevel: number;
  readonly levelsReached: readonly number[];
}

/**
 * Adds `amount` (a non-negative integer) to a pet's total `xp`, capped at {@link petXpCap}; `gained`
 * is what was actually added. Never throws.
 */
export function applyPetXp(pet: Pet, xp: number, amount: number): PetXpGain {
  const cap = petXpCap(pet);
  const total = Math.min(cap, xp + Math.max(0, Math.floor(amount)));
  const fromLevel = petLevelForXp(pet, xp);
  const toLevel = petLevelForXp(pet, total);
  const levelsReached = Array.from({ length: toLevel - fromLevel }, (_, i) => fromLevel + 1 + i);
  return { xp: total, gained: Math.max(0, total - xp), fromLevel, toLevel, levelsReached };
}

/** The share of a kill's XP the owner's active pet gets: 10 %, rounded down (seed 002). */
export function petShareOfKillXp(killXp: number): number {
  return Math.floor(Math.max(0, killXp) / 10);
}

/** Damage of one pet attack: `baseDamage + level * 2` (seed 002's PetHandler). */
export function petDamage(pet: Pet, level: number): number {
  return pet.baseDamage + level * 2;
}
