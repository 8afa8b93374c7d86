import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import type { Character } from "../generated/prisma/client";
import { parseInput } from "../validation.js";
import { characterNameKey } from "./character-name-key.js";

/** Options for {@link getCharacterByName}. */
export interface GetCharacterByNameOptions {
  name: string;
}

const GetCharacterByNameInput = z.object({ name: z.string() });

/**
 * The character with this name, compared case-insensitively. Throws DbError
 * CHARACTER_NOT_FOUND (including for strings that cannot be a name: one holding a control or
 * bidirectional-override character is refused without a query), INVALID_INPUT for a non-string.
 */
export async function getCharacterByName(db: DbClient, options: GetCharacterByNameOptions): Promise<Character> {
  const { name } = parseInput(GetCharacterByNameInput, options);
  const nameKey = characterNameKey(name);
  let character: Character | null = null;
  try {
    if (nameKey !== undefined) character = await db.character.findUnique({ where: { nameKey } });
  } catch (error) {
    throw toDbError(error, "Reading the character failed");
  }
  if (!character) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character named ${name}`, { details: { name } });
  return character;
}
