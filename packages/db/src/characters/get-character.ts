import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import type { Character } from "../generated/prisma/client";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link getCharacter}. */
export interface GetCharacterOptions {
  characterId: number;
  /** When given, the character must belong to this account. */
  accountId?: number;
}

const GetCharacterInput = z.object({ characterId: IdSchema, accountId: IdSchema.optional() });

/**
 * The character with this id. Throws DbError CHARACTER_NOT_FOUND when there is none or when it
 * belongs to another account than `accountId` (not told apart, so ids of others do not leak);
 * INVALID_INPUT for malformed ids.
 */
export async function getCharacter(db: DbClient, options: GetCharacterOptions): Promise<Character> {
  const input = parseInput(GetCharacterInput, options);
  let character: Character | null;
  try {
    character = await db.character.findFirst({
      where: { id: input.characterId, ...(input.accountId === undefined ? {} : { accountId: input.accountId }) },
    });
  } catch (error) {
    throw toDbError(error, "Reading the character failed");
  }
  if (!character) {
    throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${input.characterId}`, { details: { ...input } });
  }
  return character;
}
