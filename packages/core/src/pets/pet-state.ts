import type { Pet } from "@bezgelor/data";
import { petDamage } from "./pet-xp";

/**
 * A summoned pet's state (seed 002's state machine): following its owner, fighting the owner's
 * target (attacking at `nextAttackAt`, ms on the world clock), or dismissed.
 */
export type PetState =
  { readonly kind: "following" } | { readonly kind: "combat"; readonly targetId: number; readonly nextAttackAt: number } | { readonly kind: "dismissed" };

/** What moves a pet between states. Times are ms on the world clock. */
export type PetEvent =
  | { readonly type: "summon" }
  | { readonly type: "dismiss" }
  | { readonly type: "owner-entered-combat"; readonly targetId: number; readonly now: number }
  | { readonly type: "owner-left-combat" }
  | { readonly type: "target-died"; readonly targetId: number }
  | { readonly type: "target-out-of-range"; readonly targetId: number };

/** A pet just summoned follows its owner. */
export const PET_FOLLOWING: PetState = { kind: "following" };

/** A pet put away. */
export const PET_DISMISSED: PetState = { kind: "dismissed" };

/** The pet's attack interval in ms. */
export function petAttackIntervalMs(pet: Pet): number {
  return Math.round(pet.attackInterval * 1000);
}

/**
 * The next state (following ↔ combat, either → dismissed, dismissed → following only by summon).
 * Entering combat schedules the first attack one interval later; a new target keeps the schedule;
 * combat ends when the owner leaves it or the pet's own target dies or leaves range. Never throws.
 */
export function petTransition(pet: Pet, state: PetState, event: PetEvent): PetState {
  switch (event.type) {
    case "summon":
      return PET_FOLLOWING;
    case "dismiss":
      return PET_DISMISSED;
    case "owner-entered-combat":
      if (state.kind === "dismissed") return state;
      if (state.kind === "combat") return state.targetId === event.targetId ? state : { ...state, targetId: event.targetId };
      return { kind: "combat", targetId: event.targetId, nextAttackAt: event.now + petAttackIntervalMs(pet) };
    case "owner-left-combat":
      return state.kind === "combat" ? PET_FOLLOWING : state;
    case "target-died":
    case "target-out-of-range":
      return state.kind === "combat" && state.targetId === event.targetId ? PET_FOLLOWING : state;
  }
}

/** One pet attack: whom it hits, for how much, and when it was due. */
export interface PetAttack {
  readonly targetId: number;
  readonly damage: number;
  readonly at: number;
}

/**
 * The attacks a fighting pet of `level` makes by `now`: one per interval elapsed since its next
 * attack was due (a late tick catches up), and the state with the next one scheduled. A pet not
 * in combat makes none. Never throws.
 */
export function petAttacksDue(pet: Pet, level: number, state: PetState, now: number): { state: PetState; attacks: PetAttack[] } {
  if (state.kind !== "combat" || now < state.nextAttackAt) return { state, attacks: [] };
  const interval = petAttackIntervalMs(pet);
  const attacks: PetAttack[] = [];
  let at = state.nextAttackAt;
  for (; at <= now; at += interval) attacks.push({ targetId: state.targetId, damage: petDamage(pet, level), at });
  return { state: { ...state, nextAttackAt: at }, attacks };
}
