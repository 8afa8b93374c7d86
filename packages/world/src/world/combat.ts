// Targeting, damage, combat state, death and respawn of units on a map: NexusForever's
// UnitEntity (`Source/NexusForever.Game/Entity/UnitEntity.cs` SetTarget, TakeDamage, OnDeath) and
// its threat-driven combat flag, on this server's clock. Pure: the time is passed in.
import { applyDamage, combatTimedOut, respawnDue, type HealthChange } from "@bezgelor/core";
import { ServerEntityDeathState, ServerEntityHealthUpdate, ServerEntityTargetUnit, ServerUnitEnteredCombat } from "@bezgelor/protocol";
import { packet, type OutgoingPacket } from "../server/outgoing";
import type { MapUnit, NpcUnit, PlayerUnit } from "./unit";
import type { WorldMap } from "./world-map";

/** Sends `out` to everyone who sees `unit`, and to the unit itself when it is a player. */
export function toUnitAndViewers(map: WorldMap, unit: MapUnit, out: OutgoingPacket): void {
  if (unit.kind === "player") unit.viewer.deliver(out);
  for (const viewer of map.viewersOf(unit.id)) viewer.viewer.deliver(out);
}

function combatFlag(map: WorldMap, unit: MapUnit, inCombat: boolean): void {
  toUnitAndViewers(map, unit, packet(ServerUnitEnteredCombat, { unitId: unit.id, inCombat }));
}

/**
 * What a viewer must be told after a unit's create when the create does not say it (NexusForever
 * `Game/Entity/Player.cs` AddVisible): ServerUnitEnteredCombat for a unit in combat, and
 * ServerEntityDeathState for a dead creature (its create carries health 0).
 */
export function combatStatePackets(unit: MapUnit): OutgoingPacket[] {
  const inCombat = unit.kind === "player" ? unit.fighting.size > 0 : unit.kind === "npc" && unit.combat !== undefined;
  const out: OutgoingPacket[] = [];
  if (inCombat) out.push(packet(ServerUnitEnteredCombat, { unitId: unit.id, inCombat: true }));
  if (unit.kind === "npc" && unit.diedAt !== undefined) out.push(packet(ServerEntityDeathState, { unitId: unit.id, dead: true, reason: 0, rezHealth: 0 }));
  return out;
}

/**
 * The player selects `targetId` (0 clears it): it must be the player itself or a unit it sees.
 * Everyone who sees the player is told (ServerEntityTargetUnit, threat 0), not the player, as
 * NexusForever does. Returns false, changing nothing, for a unit it does not see.
 */
export function selectTarget(map: WorldMap, player: PlayerUnit, targetId: number): boolean {
  if (targetId !== 0 && targetId !== player.id && !player.visible.has(targetId)) return false;
  if (player.targetId === targetId) return true;
  player.targetId = targetId;
  const out = packet(ServerEntityTargetUnit, { unitId: player.id, newTargetId: targetId, threatLevel: 0 });
  for (const viewer of map.viewersOf(player.id)) viewer.viewer.deliver(out);
  return true;
}

/**
 * `attacker` hits `target` for `damage` at `now`: both enter combat on the first hit
 * (ServerUnitEnteredCombat to each and those who see them), the target's health falls
 * (ServerEntityHealthUpdate to those who see it) and at 0 it dies (ServerEntityDeathState, and it
 * leaves combat, as does every attacker it was their last fight). The target must be alive.
 */
export function strike(map: WorldMap, attacker: PlayerUnit, target: NpcUnit, damage: number, now: number): HealthChange {
  const change = applyDamage(target.health, damage);
  if (!target.combat) {
    target.combat = { lastHitAt: now, attackers: new Set() };
    combatFlag(map, target, true);
  }
  target.combat.lastHitAt = now;
  target.combat.attackers.add(attacker.id);
  if (!attacker.fighting.has(target.id)) {
    attacker.fighting.add(target.id);
    if (attacker.fighting.size === 1) combatFlag(map, attacker, true);
  }
  target.health = change.health;
  toUnitAndViewers(map, target, packet(ServerEntityHealthUpdate, { unitId: target.id, health: target.health, dead: change.killed }));
  if (change.killed) {
    target.diedAt = now;
    toUnitAndViewers(map, target, packet(ServerEntityDeathState, { unitId: target.id, dead: true, reason: 0, rezHealth: 0 }));
    leaveCombat(map, target);
  }
  return change;
}

/** The creature's fight is over: it and every attacker for whom it was the last fight leave combat. */
function leaveCombat(map: WorldMap, npc: NpcUnit): void {
  const combat = npc.combat;
  if (!combat) return;
  npc.combat = undefined;
  combatFlag(map, npc, false);
  for (const id of combat.attackers) {
    const player = map.unit(id);
    if (player?.kind !== "player" || !player.fighting.delete(npc.id)) continue;
    if (player.fighting.size === 0) combatFlag(map, player, false);
  }
}

/**
 * The combat step of a map: a living creature not hit for the combat timeout leaves combat and
 * heals to full (ServerEntityHealthUpdate); a dead one whose respawn time has passed is taken off
 * the map (ServerEntityDestroy) and placed afresh at its spawn, at full health (ServerEntityCreate).
 */
export function updateCombat(map: WorldMap, now: number): void {
  const due: NpcUnit[] = [];
  for (const unit of map.all()) {
    if (unit.kind !== "npc") continue;
    if (unit.diedAt !== undefined) {
      if (respawnDue(unit.diedAt, unit.spawn.respawnSeconds, now)) due.push(unit);
    } else if (unit.combat && combatTimedOut(unit.combat.lastHitAt, now)) {
      leaveCombat(map, unit);
      if (unit.health !== unit.maxHealth) {
        unit.health = unit.maxHealth;
        toUnitAndViewers(map, unit, packet(ServerEntityHealthUpdate, { unitId: unit.id, health: unit.health, dead: false }));
      }
    }
  }
  for (const dead of due) {
    map.remove(dead.id);
    map.addNpc({ spawn: dead.spawn, creature: dead.creature }, now);
  }
}

/** A player unit leaves the map: it no longer counts as an attacker of the creatures it fought. */
export function forgetAttacker(map: WorldMap, player: PlayerUnit): void {
  for (const id of player.fighting) {
    const npc = map.unit(id);
    if (npc?.kind === "npc") npc.combat?.attackers.delete(player.id);
  }
  player.fighting.clear();
}
