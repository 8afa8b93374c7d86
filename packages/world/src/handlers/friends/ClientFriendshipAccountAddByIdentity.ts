import { FRIENDSHIP_RESULT } from "@bezgelor/core";
import { DbError, getCharacter } from "@bezgelor/db";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { addFriendship } from "./add-friendship";
import { refuseFriendship } from "./friendship-refusal";
import { characterOfIdentity } from "./identity-character";

/**
 * ClientFriendshipAccountAddByIdentity 0x03B3: adds a character by identity. Account-wide
 * friendship does not exist here, so the identity must name a character of this realm: another
 * realm is RealmNotFound, an unknown character PlayerNotFound; otherwise it is an add by that
 * character's name ({@link addFriendship}).
 */
export const clientFriendshipAccountAddByIdentity = handler("ClientFriendshipAccountAddByIdentity", {
  states: IN_WORLD,
  async handle(ctx, { identity, type, note }) {
    const characterId = characterOfIdentity(ctx, identity);
    if (characterId === undefined) return;
    let name: string;
    try {
      name = (await getCharacter(ctx.services.db, { characterId })).name;
    } catch (error) {
      if (!(error instanceof DbError) || error.code !== "CHARACTER_NOT_FOUND") throw error;
      refuseFriendship(ctx, FRIENDSHIP_RESULT.PlayerNotFound, error.message, { characterId });
      return;
    }
    await addFriendship(ctx, name, type, note);
  },
});
