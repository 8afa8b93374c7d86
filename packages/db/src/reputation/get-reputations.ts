import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link getReputations}. */
export interface GetReputationsOptions {
  characterId: number;
}

/** A character's standing with one faction. */
export interface ReputationStanding {
  factionId: number;
  standing: number;
}

const GetReputationsInput = z.object({ characterId: IdSchema });

/**
 * Every faction the character has a standing with, ordered by faction id; factions never
 * changed are absent (their standing is 0). Empty for an unknown character.
 * Throws DbError INVALID_INPUT for a malformed id.
 */
export async function getReputations(db: DbClient, options: GetReputationsOptions): Promise<ReputationStanding[]> {
  const { characterId } = parseInput(GetReputationsInput, options);
  try {
    return await db.characterReputation.findMany({
      where: { characterId },
      select: { factionId: true, standing: true },
      orderBy: { factionId: "asc" },
    });
  } catch (error) {
    throw toDbError(error, `Reading the reputations of character ${characterId} failed`);
  }
}
