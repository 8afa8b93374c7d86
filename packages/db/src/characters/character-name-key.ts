// Names typed by players (a friend to add, a mail's recipient) are looked up by their key. A name
// holding a control or bidirectional-override character names no character (character names are
// letters), and a NUL in it would make PostgreSQL refuse the whole statement: such a name is
// answered as an unknown one without asking the database.
import { unshownCharacter } from "@bezgelor/core";

/**
 * The `name_key` a character named `name` has (trimmed, lower case), or undefined when `name`
 * holds a character no name can hold (core `unshownCharacter`: C0/C1 controls, NUL included, and
 * bidirectional overrides), so no character has it. Never throws.
 */
export function characterNameKey(name: string): string | undefined {
  return unshownCharacter(name) === undefined ? name.trim().toLowerCase() : undefined;
}
