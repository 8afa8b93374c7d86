// A player's spell cooldowns: checked before a cast runs, started when it goes off
// (NexusForever `Source/NexusForever.Game/Spell/Spell.cs` CheckCast and Execute,
// `Game/Entity/SpellManager.cs` SetSpellCooldown), with the rule in core (checkCooldowns).
import { COOLDOWN_REFUSAL, checkCooldowns, startCooldowns, type CooldownRefusalReason } from "@bezgelor/core";
import type { SpellKind } from "@bezgelor/data";
import { CAST_RESULT, COOLDOWN_TYPE, ServerCooldown } from "@bezgelor/protocol";
import { refuseCast, type CastResult, type SpellCast } from "./cast";

const COOLDOWN_RESULT: Record<CooldownRefusalReason, CastResult> = {
  [COOLDOWN_REFUSAL.SPELL]: CAST_RESULT.SpellCooldown,
  [COOLDOWN_REFUSAL.GLOBAL]: CAST_RESULT.SpellGlobalCooldown,
};

/**
 * Whether the caster's cooldowns allow the cast at `now` (ms, the world clock). If not, refuses it
 * with SpellCooldown (the spell's own cooldown runs) or SpellGlobalCooldown (the global cooldown
 * runs and the spell is on it) and a log line with when it is ready; nothing else happens.
 */
export function cooldownsAllow<K extends SpellKind>(cast: SpellCast<K>, now: number): boolean {
  const check = checkCooldowns(cast.caster.cooldowns, cast.spell, now);
  if (check.ok) return true;
  return refuseCast(cast, COOLDOWN_RESULT[check.reason], check.reason.replace("_", " "), { readyAt: check.readyAt, now });
}

/**
 * Starts the cooldowns of a cast that went off at `now` (ms) on the caster's unit; a spell with a
 * cooldown of its own tells the caster (ServerCooldown, the ms left), as NexusForever does. The
 * global cooldown is not sent: the client knows it from its spell tables. Cooldowns live on the
 * unit, so they end with the login, as NexusForever's (its SpellManager keeps them in memory).
 */
export function startCastCooldowns<K extends SpellKind>(cast: SpellCast<K>, now: number): void {
  const { caster, spell } = cast;
  caster.cooldowns = startCooldowns(caster.cooldowns, spell, now);
  if (spell.cooldownMs === 0) return;
  cast.ctx.session.send(ServerCooldown, {
    cooldown: { type: COOLDOWN_TYPE.Spell, spell4Id: spell.spell4Id, typeId: spell.spell4Id, timeRemainingMs: spell.cooldownMs },
  });
}
