import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { characterOfIdentity } from "./identity-character";
import { removeFriendship } from "./remove-friendship";

/** ClientFriendshipRemoveByIdentity 0x03C1: removes one type from the entry for the character of this realm the identity names ({@link removeFriendship}). */
export const clientFriendshipRemoveByIdentity = handler("ClientFriendshipRemoveByIdentity", {
  states: IN_WORLD,
  async handle(ctx, { identity, type }) {
    const characterId = characterOfIdentity(ctx, identity);
    if (characterId !== undefined) await removeFriendship(ctx, { characterId }, type);
  },
});
