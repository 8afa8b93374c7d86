import { ANY_OPEN_STATE } from "../../server/states";
import { handler } from "../types";

/** Keep-alive: receiving any packet already reset the idle timer, so there is nothing else to do. */
export const clientPing = handler("ClientPing", {
  states: ANY_OPEN_STATE,
  handle() {},
});
