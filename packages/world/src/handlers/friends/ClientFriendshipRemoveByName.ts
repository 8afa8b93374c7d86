import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { removeFriendship } from "./remove-friendship";

/** ClientFriendshipRemoveByName 0x03C2: removes one type from the entry for the named character ({@link removeFriendship}). */
export const clientFriendshipRemoveByName = handler("ClientFriendshipRemoveByName", {
  states: IN_WORLD,
  handle: (ctx, { name, type }) => removeFriendship(ctx, { name }, type),
});
