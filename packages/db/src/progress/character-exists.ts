import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";

/** Throws CHARACTER_NOT_FOUND unless the character exists. For failure paths, to name the right cause. */
export async function requireCharacter(db: DbClient, characterId: number): Promise<void> {
  const found = await db.character.findUnique({ where: { id: characterId }, select: { id: true } });
  if (!found) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { details: { characterId } });
}
