import type { Ok, Refused } from "../result";

/** Why an attack on a unit is refused. */
export const ATTACK_REFUSAL = {
  /** The unit is not one that can be attacked (a vendor, a mailbox, a player). */
  NOT_ATTACKABLE: "not_attackable",
  /** The unit is dead. */
  DEAD: "dead",
  /** The unit is farther than the spell's range. */
  OUT_OF_RANGE: "out_of_range",
} as const;

/** One of the {@link ATTACK_REFUSAL} values. */
export type AttackRefusalReason = (typeof ATTACK_REFUSAL)[keyof typeof ATTACK_REFUSAL];

/** Seconds without a hit after which a creature leaves combat and heals to full. */
export const COMBAT_TIMEOUT_SECONDS = 10;

/**
 * Whether a unit at `distance` metres can be struck by a spell reaching `range` metres (3-D
 * distance; the range is inclusive). Checked in this order: attackable, alive, in range.
 */
export function checkAttack(
  target: { attackable: boolean; health: number; distance: number },
  range: number,
): Ok | Refused<AttackRefusalReason, { distance: number }> {
  if (!target.attackable) return { ok: false, reason: ATTACK_REFUSAL.NOT_ATTACKABLE, distance: target.distance };
  if (target.health <= 0) return { ok: false, reason: ATTACK_REFUSAL.DEAD, distance: target.distance };
  if (target.distance > range) return { ok: false, reason: ATTACK_REFUSAL.OUT_OF_RANGE, distance: target.distance };
  return { ok: true };
}

/** Whether a creature last hit at `lastHitAt` (ms) has left combat at `now` (ms): {@link COMBAT_TIMEOUT_SECONDS} without a hit. */
export function combatTimedOut(lastHitAt: number, now: number): boolean {
  return now - lastHitAt >= COMBAT_TIMEOUT_SECONDS * 1000;
}

/** Whether a creature dead since `diedAt` (ms) respawns at `now` (ms), after its spawn's `respawnSeconds`. */
export function respawnDue(diedAt: number, respawnSeconds: number, now: number): boolean {
  return now - diedAt >= respawnSeconds * 1000;
}
