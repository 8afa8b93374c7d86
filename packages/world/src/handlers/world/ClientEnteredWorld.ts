import { ServerPlayerEnteredWorld } from "@bezgelor/protocol";
import { handler } from "../types";
import { sendWorldState } from "./world-state";

/**
 * The client finished loading: the character is now in the world, visible to presence, and every
 * feature's starting state is sent (reputations, titles, ...).
 */
export const clientEnteredWorld = handler("ClientEnteredWorld", {
  states: ["entering"],
  async handle({ session, services }) {
    const character = session.requireCharacter();
    const account = session.requireAccount();
    session.state = "in-world";
    services.presence.enter({
      characterId: character.id,
      accountId: account.id,
      name: character.name,
      worldId: character.worldId,
      zoneId: character.zoneId,
      peer: session,
    });
    session.send(ServerPlayerEnteredWorld, {});
    await sendWorldState({ session, services });
    session.assertOpen("enter the world");
    session.logger.info({ world: character.worldId, zone: character.zoneId }, "entered world");
  },
});
