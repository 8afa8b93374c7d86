// ClientFriendshipRemoveByName / ByIdentity (0x03C2 / 0x03C1): removes one type from an entry.
// Removing a friend ends the friendship on both sides.
import { FRIENDSHIP_TYPE, isFriendType, removeFriendshipType, type StoredFriendshipType } from "@bezgelor/core";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { IdSchema } from "../validation.js";
import { characterIdByName, lockCharacters, readEntry, writeEntry } from "./friend-entries.js";

const Input = z.object({
  characterId: IdSchema,
  /** The other character, by id or by name. */
  other: z.union([z.object({ characterId: IdSchema }), z.object({ name: z.string().max(64) })]),
  /** The type to remove: Friend 0, Ignore 1 or Rival 3. */
  type: z.union([z.literal(0), z.literal(1), z.literal(3)]),
});

/** What {@link removeFriend} did. */
export interface RemoveFriendResult {
  otherCharacterId: number;
  /** The entry's type afterwards; null when it is gone. */
  type: number | null;
}

const NOT_OF_TYPE = {
  [FRIENDSHIP_TYPE.Friend]: DB_ERROR_CODES.FRIEND_NOT_FRIEND,
  [FRIENDSHIP_TYPE.Ignore]: DB_ERROR_CODES.FRIEND_NOT_IGNORED,
  [FRIENDSHIP_TYPE.Rival]: DB_ERROR_CODES.FRIEND_NOT_RIVAL,
} as const;

async function run(ctx: ActionContext, input: z.output<typeof Input>): Promise<RemoveFriendResult> {
  const otherId = "characterId" in input.other ? input.other.characterId : await characterIdByName(ctx.tx, input.other.name);
  const chars = await lockCharacters(ctx.tx, [input.characterId, otherId]);
  const self = chars.get(input.characterId)!;
  const other = chars.get(otherId)!;
  const mine = await readEntry(ctx.tx, self.id, other.id);
  const after = removeFriendshipType(mine?.type ?? null, input.type);
  if (after === undefined) {
    throw new DbError(NOT_OF_TYPE[input.type], `${other.name} is not of type ${input.type} in ${self.name}'s list`, {
      details: { characterId: self.id, otherCharacterId: other.id, type: input.type },
    });
  }
  ctx.step("friends.decided");
  await writeEntry(ctx, self, other, after);
  if (input.type === FRIENDSHIP_TYPE.Friend) {
    const theirs = await readEntry(ctx.tx, other.id, self.id);
    if (theirs && isFriendType(theirs.type))
      await writeEntry(ctx, other, self, removeFriendshipType(theirs.type, FRIENDSHIP_TYPE.Friend) as StoredFriendshipType | null);
  }
  return { otherCharacterId: other.id, type: after };
}

/**
 * Removes `type` from `characterId`'s entry for `other`: a FriendAndRival keeps the other part,
 * anything else disappears. Removing a Friend also removes the character from the other's
 * friends (friendship.removed or .changed for both lists, delivered to the other on login if
 * offline). Throws DbError CHARACTER_NOT_FOUND, FRIEND_NOT_FRIEND, FRIEND_NOT_IGNORED,
 * FRIEND_NOT_RIVAL, INVALID_INPUT; nothing changes then.
 */
export const removeFriend = defineAction({
  name: "friends.remove",
  input: Input,
  describe: (i) => `Removing type ${i.type} from character ${i.characterId}'s entry for ${"name" in i.other ? i.other.name : i.other.characterId}`,
  run,
});
