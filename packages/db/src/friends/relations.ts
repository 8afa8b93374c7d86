import { FRIENDSHIP_TYPE } from "@bezgelor/core";
import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";

const Pair = z.object({ characterId: IdSchema, otherCharacterId: IdSchema });

/** Options for {@link isIgnoredBy} and {@link areFriends}. */
export interface CharacterPairOptions {
  characterId: number;
  otherCharacterId: number;
}

/**
 * True when `otherCharacterId` ignores `characterId`: their invites, mail and gifts to the other
 * are refused. Pass the transaction of the action that depends on it. Throws DbError INVALID_INPUT.
 */
export async function isIgnoredBy(db: DbClient, options: CharacterPairOptions): Promise<boolean> {
  const { characterId, otherCharacterId } = parseInput(Pair, options);
  try {
    const row = await db.characterFriendship.findUnique({
      where: { characterId_otherCharacterId: { characterId: otherCharacterId, otherCharacterId: characterId } },
      select: { type: true },
    });
    return row?.type === FRIENDSHIP_TYPE.Ignore;
  } catch (error) {
    throw toDbError(error, `Reading whether ${otherCharacterId} ignores ${characterId} failed`);
  }
}

/** True when the two characters are friends (each lists the other as Friend or FriendAndRival). Throws DbError INVALID_INPUT. */
export async function areFriends(db: DbClient, options: CharacterPairOptions): Promise<boolean> {
  const { characterId, otherCharacterId } = parseInput(Pair, options);
  try {
    const friendly = [FRIENDSHIP_TYPE.Friend, FRIENDSHIP_TYPE.FriendAndRival];
    const n = await db.characterFriendship.count({
      where: {
        type: { in: friendly },
        OR: [
          { characterId, otherCharacterId },
          { characterId: otherCharacterId, otherCharacterId: characterId },
        ],
      },
    });
    return n === 2;
  } catch (error) {
    throw toDbError(error, `Reading whether ${characterId} and ${otherCharacterId} are friends failed`);
  }
}
