import { setFriendNote } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { withFriendshipResult } from "./friendship-refusal";
import { characterOfIdentity } from "./identity-character";

/**
 * ClientFriendshipSetNoteByIdentity 0x03C7: sets the note on the session's entry for that
 * character; ServerFriendshipSetNote (with ServerFriendshipTypeUpdate, unchanged) comes through
 * the events. No entry: FriendshipNotFound; a note over 64 characters or not one line:
 * InvalidNote.
 */
export const clientFriendshipSetNoteByIdentity = handler("ClientFriendshipSetNoteByIdentity", {
  states: IN_WORLD,
  async handle(ctx, { identity, note }) {
    const { session, services } = ctx;
    const otherCharacterId = characterOfIdentity(ctx, identity);
    if (otherCharacterId === undefined) return;
    await withFriendshipResult(ctx, async () => {
      await setFriendNote(services.db, { ...playerActionOptions(ctx), characterId: session.requireCharacter().id, otherCharacterId, note });
      session.logger.info({ otherCharacterId }, "friend note set");
    });
    await services.events.flush();
  },
});
