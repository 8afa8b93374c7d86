import type { Pet } from "@bezgelor/data";
import { petTransition, type PetState } from "./pet-state";

/** What a unit the pet might fight looks like from the pet: alive or not, and how far (metres, 3-D). */
export interface PetTargetView {
  readonly alive: boolean;
  readonly distance: number;
}

/**
 * What a pet sees of its owner's fight at one step of the world. `ownerTargetId` is the unit the
 * owner has selected (0 for none); `targetOf` tells about a unit the pet could attack (a creature
 * on its map), undefined for anything else (gone, a player, a vendor). `now` is ms on the world clock.
 */
export interface PetSituation {
  readonly ownerInCombat: boolean;
  readonly ownerTargetId: number;
  readonly targetOf: (unitId: number) => PetTargetView | undefined;
  readonly now: number;
}

/**
 * The pet's state after looking at its owner's fight (seed 002's flow through `petTransition`):
 * the owner out of combat sends it back to following; a target gone, dead or beyond the pet's
 * `attack.range` ends its fight (target-died, target-out-of-range); then, while the owner is in
 * combat, a living creature the owner has selected within range becomes its target (entering
 * combat schedules the first attack one interval later; a switch keeps the schedule). A
 * dismissed pet stays dismissed. Never throws.
 */
export function petStep(pet: Pet, state: PetState, situation: PetSituation): PetState {
  if (state.kind === "dismissed") return state;
  if (!situation.ownerInCombat) return petTransition(pet, state, { type: "owner-left-combat" });
  let next: PetState = state;
  if (next.kind === "combat") {
    const target = situation.targetOf(next.targetId);
    if (!target?.alive) next = petTransition(pet, next, { type: "target-died", targetId: next.targetId });
    else if (target.distance > pet.attack.range) next = petTransition(pet, next, { type: "target-out-of-range", targetId: next.targetId });
  }
  const chosen = situation.ownerTargetId;
  if (chosen === 0 || (next.kind === "combat" && next.targetId === chosen)) return next;
  const target = situation.targetOf(chosen);
  if (!target?.alive || target.distance > pet.attack.range) return next;
  return petTransition(pet, next, { type: "owner-entered-combat", targetId: chosen, now: situation.now });
}
