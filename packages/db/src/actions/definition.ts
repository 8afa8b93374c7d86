import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Actor } from "./actor.js";

/** The part of a game data table an action reads. */
interface Lookup<K, V> {
  get(id: K): V | undefined;
}

/**
 * The game data entry `id` of `table` (e.g. "creature", "quest"). Throws DbError
 * UNKNOWN_GAME_DATA naming the table and id when the data does not define it.
 */
export function requireDefinition<K extends string | number, V>(lookup: Lookup<K, V>, table: string, id: K): V {
  const found = lookup.get(id);
  if (found === undefined) throw new DbError(DB_ERROR_CODES.UNKNOWN_GAME_DATA, `No ${table} ${id} in the game data`, { details: { table, id } });
  return found;
}

/** The character an actor acts through, if any (events name it). */
export function actorCharacterId(actor: Actor): number | null {
  return actor.kind === "character" ? actor.characterId : null;
}
