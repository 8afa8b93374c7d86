import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isRecordNotFound, toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link recordCharacterOnline}. */
export interface RecordCharacterOnlineOptions {
  characterId: number;
  /** Defaults to now. */
  at?: Date;
}

const RecordCharacterOnlineInput = z.object({ characterId: IdSchema, at: z.date().optional() });

/**
 * Stamps the character's `lastOnlineAt`: the world server calls it when the character enters and
 * when it leaves the world, so at the character screen it is the last logout (the character
 * list's "days since last logout", as NexusForever's `Player.Save` writes `LastOnline`).
 * Throws DbError CHARACTER_NOT_FOUND, INVALID_INPUT.
 */
export async function recordCharacterOnline(db: DbClient, options: RecordCharacterOnlineOptions): Promise<void> {
  const input = parseInput(RecordCharacterOnlineInput, options);
  try {
    await db.character.update({ where: { id: input.characterId }, data: { lastOnlineAt: input.at ?? new Date() }, select: { id: true } });
  } catch (error) {
    if (isRecordNotFound(error)) {
      throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${input.characterId}`, { cause: error, details: { ...input } });
    }
    throw toDbError(error, "Recording the character's last online time failed");
  }
}
