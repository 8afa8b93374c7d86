// Combat pets fighting beside their owners: seed 002's auto-combat flow (the owner in combat, the
// pet attacks the owner's target on its interval; a kill counts for the owner) on the world clock.
// Run by the world step after the maps' tick (`game/world-step.ts`).
import { petAttacksDue, petStep, petTransition, type PetTargetView } from "@bezgelor/core";
import type { Pet } from "@bezgelor/data";
import { outcomeOf } from "../../error-outcomes";
import { recipientsOf } from "../../events/recipients";
import type { WorldServices } from "../../server/services";
import type { CompanionUnit, PetFight } from "../../world/companion";
import { showStrike } from "../../world/show-strike";
import { isAttackable, type MapUnit, type NpcUnit, type PlayerUnit } from "../../world/unit";
import type { WorldMap } from "../../world/world-map";
import { creditKill } from "../credit-kill";

function distance(a: MapUnit, b: MapUnit): number {
  const p = a.movement.position;
  const q = b.movement.position;
  return Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z);
}

/** A unit as the pet sees it: only a creature it may attack has a view (alive, metres from the pet). */
function viewFrom(map: WorldMap, pet: CompanionUnit, unitId: number): PetTargetView | undefined {
  const unit = map.unit(unitId);
  if (!unit || !isAttackable(unit)) return undefined;
  return { alive: unit.diedAt === undefined, distance: distance(pet, unit) };
}

/**
 * One step of every combat pet out (its fight is skipped while a kill it landed is being written):
 * its state follows its owner's fight (core `petStep`: the owner in combat with a living creature
 * selected within the pet's `attack.range` → combat; the owner out of combat, the target dead or
 * out of range → following), then each attack due by now (core `petAttacksDue`: one per
 * `attackInterval` since the last) strikes the target for `baseDamage + level × 2`, shown to the
 * owner and everyone who sees the pet like the player's basic attack (`showStrike`: ServerSpellStart
 * with the pet as caster and its `attack.spell4Id`, health, death, ServerSpellGo with
 * `attack.effectId`), the fight counting as the owner's. A kill sends the pet back to following and
 * is credited to the owner through `creditKill` (reputation, titles, XP, 10 % to the pet).
 * Resolves when every kill credited in this step is written; never rejects: a failure is logged
 * with the owner and the pet, and the world goes on.
 */
export async function runPetAttacks(services: WorldServices): Promise<void> {
  const now = services.world.clock.now();
  const credits: Promise<void>[] = [];
  for (const { map, pet, fight, owner } of services.world.combatPets()) {
    if (fight.busy) continue;
    try {
      const def = services.data.pets.get(pet.spec.collectibleId);
      if (!def) continue;
      const killed = stepPet(map, pet, fight, owner, def, now);
      if (killed) credits.push(creditPetKill(services, pet, fight, owner, killed));
    } catch (err) {
      services.logger.error({ err, characterId: owner.look.characterId, petId: pet.spec.collectibleId, unitId: pet.id }, "pet step failed");
    }
  }
  await Promise.all(credits);
}

/** Moves the pet's state and makes its due attacks; returns the creature it killed, if any. */
function stepPet(map: WorldMap, pet: CompanionUnit, fight: PetFight, owner: PlayerUnit, def: Pet, now: number): NpcUnit | undefined {
  fight.state = petStep(def, fight.state, {
    ownerInCombat: owner.fighting.size > 0,
    ownerTargetId: owner.targetId,
    targetOf: (id) => viewFrom(map, pet, id),
    now,
  });
  const due = petAttacksDue(def, fight.level, fight.state, now);
  fight.state = due.state;
  for (const attack of due.attacks) {
    const target = map.unit(attack.targetId);
    if (!target || !isAttackable(target) || target.diedAt !== undefined) break;
    const hit = showStrike(map, {
      caster: pet,
      attacker: owner,
      target,
      spell4Id: def.attack.spell4Id,
      effectId: def.attack.effectId,
      raw: attack.damage,
      damage: attack.damage,
      userInitiated: false,
      now,
    });
    if (hit.killed) {
      fight.state = petTransition(def, fight.state, { type: "target-died", targetId: target.id });
      return target;
    }
  }
  return undefined;
}

/** Credits the pet's kill to its owner's session (the one kill path); the pet waits meanwhile. */
async function creditPetKill(services: WorldServices, pet: CompanionUnit, fight: PetFight, owner: PlayerUnit, target: NpcUnit): Promise<void> {
  const characterId = owner.look.characterId;
  const context = { characterId, petId: pet.spec.collectibleId, creatureId: target.creature.id, unitId: target.id };
  const session = recipientsOf(services).character(characterId);
  if (!session) {
    services.logger.warn(context, "pet kill not credited: its owner has no session in the world");
    return;
  }
  fight.busy = true;
  try {
    const { result, pet: gain } = await creditKill({ session, services }, target.creature.id, `pet kill ${target.creature.id}`);
    session.logger.info({ ...context, xp: result.xp?.gained ?? 0, petXp: gain?.gained ?? 0 }, "creature killed by pet");
  } catch (err) {
    const known = outcomeOf(err) !== undefined;
    session.logger[known ? "warn" : "error"]({ err, ...context }, "could not credit the pet's kill");
  } finally {
    fight.busy = false;
  }
}
