import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { addFriendship } from "./add-friendship";

/**
 * ClientFriendshipAddByName 0x03B4: Friend (invite), Ignore or Rival by character name (see
 * {@link addFriendship}). The realm name is not checked: this server is one realm, and the
 * client sends its own realm's name or none.
 */
export const clientFriendshipAddByName = handler("ClientFriendshipAddByName", {
  states: IN_WORLD,
  handle: (ctx, { name, type, note }) => addFriendship(ctx, name, type, note),
});
