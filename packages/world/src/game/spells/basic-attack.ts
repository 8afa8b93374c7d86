// The basic attack: one strike of the selected creature, NexusForever's cast flow
// (`Source/NexusForever.Game/Spell/Spell.cs`: ServerSpellStart, the effects, ServerSpellGo with a
// TargetInfo carrying the damage; `world/show-strike.ts`) with this server's damage formula (core basicAttackDamage).
import { ATTACK_REFUSAL, basicAttackDamage, checkAttack, type AttackRefusalReason } from "@bezgelor/core";
import { CAST_RESULT } from "@bezgelor/protocol";
import { showStrike } from "../../world/show-strike";
import { isAttackable, type MapUnit } from "../../world/unit";
import { creditKill } from "../credit-kill";
import { refuseCast, type CastResult, type SpellKindHandler } from "./cast";

const REFUSAL_RESULT: Record<AttackRefusalReason, CastResult> = {
  [ATTACK_REFUSAL.NOT_ATTACKABLE]: CAST_RESULT.TargetIsNotUseable,
  [ATTACK_REFUSAL.DEAD]: CAST_RESULT.TargetCannotBeDead,
  [ATTACK_REFUSAL.OUT_OF_RANGE]: CAST_RESULT.TargetRangeMax,
};

function distance(a: MapUnit, b: MapUnit): number {
  const p = a.movement.position;
  const q = b.movement.position;
  return Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z);
}

/**
 * Strikes the caster's selected target. Refused (ServerSpellCastResult, a log line, nothing
 * changes) without a target (NoTarget), for a unit the caster does not see (TargetUnknown), one that
 * cannot be attacked (a player, vendor or mailbox: TargetIsNotUseable), a dead one
 * (TargetCannotBeDead) or one beyond the spell's range (TargetRangeMax). Otherwise, to the caster
 * and everyone who sees it: ServerSpellStart, the effects (combat, ServerEntityHealthUpdate, at 0
 * health ServerEntityDeathState), then ServerSpellGo with the damage. A kill runs `countKill` for
 * the caster's character (reputation, titles, XP) and delivers its events, and its combat pet out
 * gets 10 % of the XP (`creditKill`, the same path as GM !kill).
 */
export const castBasicAttack: SpellKindHandler<"basicAttack"> = async (cast) => {
  const { ctx, spell, map, caster } = cast;
  const targetId = caster.targetId;
  if (targetId === 0) return refuseCast(cast, CAST_RESULT.NoTarget, "no target selected");
  const target = map.unit(targetId);
  if (!target || !caster.visible.has(targetId)) return refuseCast(cast, CAST_RESULT.TargetUnknown, `no unit ${targetId} in sight`, { targetId });
  const range = Math.round(distance(caster, target) * 100) / 100;
  const check = checkAttack({ attackable: isAttackable(target), health: target.kind === "npc" ? target.health : 1, distance: range }, spell.range);
  if (!check.ok) return refuseCast(cast, REFUSAL_RESULT[check.reason], `unit ${targetId} ${check.reason.replaceAll("_", " ")}`, { targetId, distance: range });
  if (!isAttackable(target)) return false;

  const { raw, damage } = basicAttackDamage(spell, caster.look.level, target.creature);
  const now = ctx.services.world.clock.now();
  const hit = showStrike(map, { caster, attacker: caster, target, spell4Id: spell.spell4Id, effectId: spell.effectId, raw, damage, userInitiated: true, now });
  ctx.session.logger.debug({ targetId, damage: hit.dealt, health: hit.health }, "basic attack hit");
  if (!hit.killed) return true;
  const { result, pet } = await creditKill(ctx, target.creature.id, `kill ${target.creature.id}`);
  ctx.session.logger.info({ creatureId: target.creature.id, unitId: target.id, xp: result.xp?.gained ?? 0, petXp: pet?.gained ?? 0 }, "creature killed");
  return true;
};
