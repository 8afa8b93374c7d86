// A strike as everyone sees it: NexusForever's cast flow (`Source/NexusForever.Game/Spell/Spell.cs`:
// ServerSpellStart, the effects, ServerSpellGo with a TargetInfo carrying the damage), shared by
// the player's basic attack and its combat pet's auto-attacks.
import type { HealthChange } from "@bezgelor/core";
import { COMBAT_RESULT, DAMAGE_TYPE, EFFECT_INFO_TYPE, ServerSpellGo, ServerSpellStart } from "@bezgelor/protocol";
import { packet } from "../server/outgoing";
import { strike, toUnitAndViewers } from "./combat";
import type { MapUnit, NpcUnit, PlayerUnit } from "./unit";
import type { WorldMap } from "./world-map";

/** One strike to show: who is seen casting what, whose fight it is, and the damage. */
export interface StrikeToShow {
  /** The unit seen casting: the player, or its pet. */
  readonly caster: MapUnit;
  /** The player whose fight it is: it enters combat with the target (the caster itself, or the pet's owner). */
  readonly attacker: PlayerUnit;
  /** A living creature. */
  readonly target: NpcUnit;
  /** The Spell4 id cast (ServerSpellStart). */
  readonly spell4Id: number;
  /** The Spell4Effects id of the damage (ServerSpellGo). */
  readonly effectId: number;
  /** Damage before and after scaling (rawDamage, rawScaledDamage); `damage` is what is applied. */
  readonly raw: number;
  readonly damage: number;
  /** True for a player's own cast, false for a pet's auto-attack. */
  readonly userInitiated: boolean;
  /** ms on the world clock. */
  readonly now: number;
}

/**
 * Shows and applies one strike, to the caster (when a player) and everyone who sees it:
 * ServerSpellStart (a new castingId of the map), the effects of `strike` (combat flags,
 * ServerEntityHealthUpdate, at 0 health ServerEntityDeathState), then ServerSpellGo with the
 * damage dealt, the overkill and whether it killed. Returns the health change. The target must be
 * alive (checked by the caller).
 */
export function showStrike(map: WorldMap, s: StrikeToShow): HealthChange {
  const { caster, target } = s;
  const castingId = map.nextCastingId();
  const at = caster.movement.position;
  const yaw = caster.movement.rotation.x;
  toUnitAndViewers(
    map,
    caster,
    packet(ServerSpellStart, {
      castingId,
      spell4Id: s.spell4Id,
      rootSpell4Id: s.spell4Id,
      parentSpell4Id: 0,
      casterId: caster.id,
      unknown20: 0,
      primaryTargetId: target.id,
      fieldPosition: { x: 0, y: 0, z: 0 },
      yaw,
      initialPositions: [{ unitId: caster.id, targetFlags: 3, position: at, yaw, pitch: 0 }],
      telegraphPositions: [],
      userInitiatedSpellCast: s.userInitiated,
      useCreatureOverrides: false,
    }),
  );
  const hit = strike(map, s.attacker, target, s.damage, s.now);
  toUnitAndViewers(
    map,
    caster,
    packet(ServerSpellGo, {
      castingId,
      ignoreCooldown: false,
      primaryDestination: target.movement.position,
      targets: [
        {
          unitId: target.id,
          ndx: 0,
          targetFlags: 1,
          instanceCount: 1,
          combatResult: COMBAT_RESULT.Hit,
          effects: [
            {
              spell4EffectId: s.effectId,
              effectUniqueId: castingId,
              delayTime: 0,
              timeRemaining: -1,
              info: {
                type: EFFECT_INFO_TYPE.Damage,
                damage: {
                  rawDamage: s.raw,
                  rawScaledDamage: s.damage,
                  absorbedAmount: 0,
                  shieldAbsorbAmount: 0,
                  adjustedDamage: hit.dealt,
                  overkillAmount: hit.overkill,
                  unknown6: 0,
                  killedTarget: hit.killed,
                  combatResult: COMBAT_RESULT.Hit,
                  damageType: DAMAGE_TYPE.Physical,
                  unknownStructure3: [],
                },
              },
            },
          ],
        },
      ],
      initialPositions: [],
      telegraphPositions: [],
      missiles: [],
      phase: -1,
    }),
  );
  return hit;
}
