import { recordCharacterOnline } from "@bezgelor/db";
import { LOGOUT_REASON, ServerLogout } from "@bezgelor/protocol";
import type { HandlerContext } from "../types";
import { handler } from "../types";
import { IN_WORLD } from "../../server/states";

/**
 * Takes the character out of the world and back to the character screen; the connection stays.
 * The last-online stamp is the character list's "days since last logout".
 */
async function logout({ session, services }: HandlerContext): Promise<void> {
  const character = session.requireCharacter();
  services.presence.leave(character.id);
  session.setCharacter(undefined);
  session.state = "authenticated";
  session.send(ServerLogout, { requested: true, reason: LOGOUT_REASON.None });
  session.logger.info("logged out to character screen");
  await recordCharacterOnline(services.db, { characterId: character.id });
}

/**
 * `initiated` asks to leave; cancelling is a no-op here because logout is immediate (NexusForever
 * runs a 30 s timer in the open world; this server has no combat yet to make that meaningful).
 */
export const clientLogoutRequest = handler("ClientLogoutRequest", {
  states: IN_WORLD,
  async handle(ctx, packet) {
    if (packet.initiated) await logout(ctx);
  },
});

export const clientLogoutConfirm = handler("ClientLogoutConfirm", {
  states: IN_WORLD,
  handle: logout,
});
