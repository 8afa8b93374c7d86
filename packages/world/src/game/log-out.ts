import { recordCharacterOnline } from "@bezgelor/db";
import { LOGOUT_REASON, ServerLogout } from "@bezgelor/protocol";
import type { HandlerContext } from "../handlers/types";
import { saveLocations } from "./locations";

/**
 * Takes the character out of the world and back to the character screen; the connection stays.
 * Its unit leaves the world (destroyed for those who saw it) and its place is saved. The last-online
 * stamp is the character list's "days since last logout". Used by
 * ClientLogoutRequest (initiated) and ClientLogoutConfirm.
 */
export async function logOutToCharacterScreen({ session, services }: HandlerContext): Promise<void> {
  const character = session.requireCharacter();
  services.presence.leave(character.id);
  const place = services.world.leave(character.id);
  session.setCharacter(undefined);
  session.state = "authenticated";
  session.send(ServerLogout, { requested: true, reason: LOGOUT_REASON.None });
  session.logger.info("logged out to character screen");
  await Promise.all([recordCharacterOnline(services.db, { characterId: character.id }), saveLocations(services, place ? [place] : [])]);
}
