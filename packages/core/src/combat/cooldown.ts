// Spell cooldowns and the global cooldown, as NexusForever checks them before a cast
// (`Source/NexusForever.Game/Spell/Spell.cs` CheckCast: the spell's own cooldown first, then the
// global cooldown) and starts them when a cast goes off (`Game/Entity/SpellManager.cs`).
import type { Ok, Refused } from "../result";

/** Why a cast is refused by a cooldown. */
export const COOLDOWN_REFUSAL = {
  /** The spell's own cooldown is running (CastResult SpellCooldown). */
  SPELL: "spell_cooldown",
  /** The global cooldown is running and the spell obeys it (CastResult SpellGlobalCooldown). */
  GLOBAL: "global_cooldown",
} as const;

/** One of the {@link COOLDOWN_REFUSAL} values. */
export type CooldownRefusalReason = (typeof COOLDOWN_REFUSAL)[keyof typeof COOLDOWN_REFUSAL];

/**
 * When a caster's cooldowns end, ms on the world clock: the global cooldown, and each spell's own
 * by Spell4 id. Immutable: {@link startCooldowns} returns a new value.
 */
export interface Cooldowns {
  readonly globalReadyAt: number;
  readonly spellReadyAt: ReadonlyMap<number, number>;
}

/** What the cooldown rules read of a spell (data `Spell`): its Spell4 id and its two cooldowns, ms (0: none). */
export interface CooldownSpell {
  readonly spell4Id: number;
  readonly cooldownMs: number;
  readonly globalCooldownMs: number;
}

/** A caster that has cast nothing yet. */
export const NO_COOLDOWNS: Cooldowns = { globalReadyAt: 0, spellReadyAt: new Map() };

/**
 * Whether `spell` may be cast at `now` (ms): refused while its own cooldown runs, then (only for a
 * spell on the global cooldown, `globalCooldownMs` > 0) while the global cooldown runs. A cooldown
 * ending at `readyAt` allows the cast at exactly `readyAt`. A refusal carries `readyAt`, when the
 * cast would be allowed by that cooldown.
 */
export function checkCooldowns(cooldowns: Cooldowns, spell: CooldownSpell, now: number): Ok | Refused<CooldownRefusalReason, { readyAt: number }> {
  const spellReadyAt = cooldowns.spellReadyAt.get(spell.spell4Id);
  if (spellReadyAt !== undefined && now < spellReadyAt) return { ok: false, reason: COOLDOWN_REFUSAL.SPELL, readyAt: spellReadyAt };
  if (spell.globalCooldownMs > 0 && now < cooldowns.globalReadyAt) return { ok: false, reason: COOLDOWN_REFUSAL.GLOBAL, readyAt: cooldowns.globalReadyAt };
  return { ok: true };
}

/**
 * The cooldowns after `spell` went off at `now` (ms): the global cooldown runs `globalCooldownMs`
 * from now when the spell is on it, its own cooldown `cooldownMs` from now when it has one; spell
 * cooldowns already over are dropped.
 */
export function startCooldowns(cooldowns: Cooldowns, spell: CooldownSpell, now: number): Cooldowns {
  const spellReadyAt = new Map([...cooldowns.spellReadyAt].filter(([, readyAt]) => readyAt > now));
  if (spell.cooldownMs > 0) spellReadyAt.set(spell.spell4Id, now + spell.cooldownMs);
  const globalReadyAt = spell.globalCooldownMs > 0 ? now + spell.globalCooldownMs : cooldowns.globalReadyAt;
  return { globalReadyAt, spellReadyAt };
}
