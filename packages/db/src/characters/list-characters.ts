import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import type { Character } from "../generated/prisma/client";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link listCharacters}. */
export interface ListCharactersOptions {
  accountId: number;
}

const ListCharactersInput = z.object({ accountId: IdSchema });

/**
 * The account's characters, oldest first; empty for an account without characters (or an
 * unknown account). Throws DbError INVALID_INPUT for a malformed id.
 */
export async function listCharacters(db: DbClient, options: ListCharactersOptions): Promise<Character[]> {
  const { accountId } = parseInput(ListCharactersInput, options);
  try {
    return await db.character.findMany({ where: { accountId }, orderBy: { id: "asc" } });
  } catch (error) {
    throw toDbError(error, "Listing characters failed");
  }
}
