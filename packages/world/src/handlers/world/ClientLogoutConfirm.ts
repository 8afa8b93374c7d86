import { logOutToCharacterScreen } from "../../game/log-out";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/** The client confirms leaving the world: back to the character screen at once. */
export const clientLogoutConfirm = handler("ClientLogoutConfirm", {
  states: IN_WORLD,
  handle: logOutToCharacterScreen,
});
