import type { SpellKind, SpellOf } from "@bezgelor/data";
import { ServerSpellCastResult, type CAST_RESULT } from "@bezgelor/protocol";
import type { HandlerContext } from "../../handlers/types";
import type { PlayerUnit } from "../../world/unit";
import type { WorldMap } from "../../world/world-map";

/** One cast of a spell of kind `K` by a player: what a spell kind's handler gets. */
export interface SpellCast<K extends SpellKind = SpellKind> {
  readonly ctx: HandlerContext;
  readonly spell: SpellOf<K>;
  readonly map: WorldMap;
  readonly caster: PlayerUnit;
  /** The client's id for the cast (ClientCastSpell), for the log. */
  readonly clientUniqueId: number;
}

/**
 * Runs a cast of one spell kind: sends what it does and answers true (the spell went off: its
 * cooldowns start), or refuses it with {@link refuseCast} and answers false.
 */
export type SpellKindHandler<K extends SpellKind> = (cast: SpellCast<K>) => Promise<boolean> | boolean;

/** A {@link CAST_RESULT} value. */
export type CastResult = (typeof CAST_RESULT)[keyof typeof CAST_RESULT];

/**
 * Refuses a cast as NexusForever does (ServerSpellCastResult with the reason, `Game/Spell/Spell.cs`)
 * and logs it at info with `details`. Nothing else happens: nobody else is told. Answers false, what
 * a {@link SpellKindHandler} answers for a refused cast.
 */
export function refuseCast<K extends SpellKind>(cast: SpellCast<K>, result: CastResult, message: string, details: Record<string, unknown> = {}): false {
  const { session } = cast.ctx;
  session.send(ServerSpellCastResult, { unknown0: 0, spell4Id: cast.spell.spell4Id, castResult: result });
  session.logger.info({ spellId: cast.spell.id, castResult: result, clientUniqueId: cast.clientUniqueId, ...details }, `cast refused: ${message}`);
  return false;
}
