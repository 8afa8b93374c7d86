import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link getGold}. */
export interface GetGoldOptions {
  characterId: number;
}

const GetGoldInput = z.object({ characterId: IdSchema });

/** The character's balance. Throws DbError CHARACTER_NOT_FOUND, INVALID_INPUT. */
export async function getGold(db: DbClient, options: GetGoldOptions): Promise<bigint> {
  const { characterId } = parseInput(GetGoldInput, options);
  let row: { gold: bigint } | null;
  try {
    row = await db.character.findUnique({ where: { id: characterId }, select: { gold: true } });
  } catch (error) {
    throw toDbError(error, "Reading gold failed");
  }
  if (!row) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { details: { characterId } });
  return row.gold;
}
