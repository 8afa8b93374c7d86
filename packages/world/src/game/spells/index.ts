// One handler per spell kind (data `SPELL_KINDS`): ClientCastSpell finds the ability item's spell
// and runs its kind's handler. A new kind (a mount's summon, say) is its data schema, one file
// here and one line in the table; the compiler refuses a kind without a handler.
import type { SpellKind } from "@bezgelor/data";
import { castBasicAttack } from "./basic-attack";
import type { SpellCast, SpellKindHandler } from "./cast";
import { cooldownsAllow, startCastCooldowns } from "./cooldowns";
import { castMount } from "./mount";

/** Every spell kind's handler. */
export const SPELL_KIND_HANDLERS: { readonly [K in SpellKind]: SpellKindHandler<K> } = {
  basicAttack: castBasicAttack,
  mount: castMount,
};

/**
 * Runs a cast with its spell kind's handler, once the caster's cooldowns allow it (refused with
 * SpellCooldown or SpellGlobalCooldown otherwise); a cast that went off starts its cooldowns.
 */
export async function runCast<K extends SpellKind>(cast: SpellCast<K>, kind: K): Promise<void> {
  const now = cast.ctx.services.world.clock.now();
  if (!cooldownsAllow(cast, now)) return;
  const handle: SpellKindHandler<K> = SPELL_KIND_HANDLERS[kind];
  if (await handle(cast)) startCastCooldowns(cast, now);
}

export { characterActionSets, sendActionSets } from "./action-sets";
export { abilityAt, characterAbilities, sendAbilities, sendMountAbility, type Ability } from "./abilities";
export { refuseCast, type SpellCast, type SpellKindHandler } from "./cast";
export { summonMountAsCast } from "./mount";
