// One handler per spell kind (data `SPELL_KINDS`): ClientCastSpell finds the ability item's spell
// and runs its kind's handler. A new kind (a mount's summon, say) is its data schema, one file
// here and one line in the table; the compiler refuses a kind without a handler.
import type { SpellKind } from "@bezgelor/data";
import { castBasicAttack } from "./basic-attack";
import type { SpellCast, SpellKindHandler } from "./cast";
import { castMount } from "./mount";

/** Every spell kind's handler. */
export const SPELL_KIND_HANDLERS: { readonly [K in SpellKind]: SpellKindHandler<K> } = {
  basicAttack: castBasicAttack,
  mount: castMount,
};

/** Runs a cast with its spell kind's handler. */
export function runCast<K extends SpellKind>(cast: SpellCast<K>, kind: K): Promise<void> | void {
  const handle: SpellKindHandler<K> = SPELL_KIND_HANDLERS[kind];
  return handle(cast);
}

export { abilityAt, characterAbilities, sendAbilities, sendMountAbility, type Ability } from "./abilities";
export { refuseCast, type SpellCast, type SpellKindHandler } from "./cast";
