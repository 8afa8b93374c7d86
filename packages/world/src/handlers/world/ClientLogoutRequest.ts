import { logOutToCharacterScreen } from "../../game/log-out";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * `initiated` asks to leave; cancelling is a no-op here because logout is immediate (NexusForever
 * runs a 30 s timer in the open world; this server has no combat yet to make that meaningful).
 */
export const clientLogoutRequest = handler("ClientLogoutRequest", {
  states: IN_WORLD,
  async handle(ctx, packet) {
    if (packet.initiated) await logOutToCharacterScreen(ctx);
  },
});
