import { isValidFriendshipNote } from "@bezgelor/core";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { IdSchema } from "../validation.js";
import { lockCharacters, readEntry, writeEntry } from "./friend-entries.js";
import { friendRefusal } from "./friend-refusal.js";

const Input = z.object({
  characterId: IdSchema,
  otherCharacterId: IdSchema,
  note: z.string().max(256),
});

async function run(ctx: ActionContext, input: z.output<typeof Input>): Promise<{ friendshipId: bigint; note: string }> {
  const details = { characterId: input.characterId, otherCharacterId: input.otherCharacterId };
  if (!isValidFriendshipNote(input.note))
    throw friendRefusal("invalid_note", "The note is too long, more than one line, or holds a control or bidirectional-override character", details);
  const chars = await lockCharacters(ctx.tx, [input.characterId, input.otherCharacterId]);
  const entry = await readEntry(ctx.tx, input.characterId, input.otherCharacterId);
  if (!entry) throw new DbError(DB_ERROR_CODES.FRIENDSHIP_NOT_FOUND, `Character ${input.characterId} has no entry for ${input.otherCharacterId}`, { details });
  await writeEntry(ctx, chars.get(input.characterId)!, chars.get(input.otherCharacterId)!, entry.type, input.note);
  return { friendshipId: entry.id, note: input.note };
}

/**
 * Sets the owner's note on their entry for another character (ClientFriendshipSetNoteByIdentity
 * 0x03C7); friendship.changed for the owner. Throws DbError FRIENDSHIP_NOT_FOUND,
 * FRIEND_INVALID_NOTE (over 64 characters or not one line), CHARACTER_NOT_FOUND, INVALID_INPUT.
 */
export const setFriendNote = defineAction({
  name: "friends.set-note",
  input: Input,
  describe: (i) => `Setting character ${i.characterId}'s note on ${i.otherCharacterId}`,
  run,
});
