import { ServerPlayerEnteredWorld } from "@bezgelor/protocol";
import { handler } from "../types";
import { ENTER_WORLD_STEPS } from "./enter-world-steps";

/**
 * The client finished loading: the character is now in the world, visible to presence, and every
 * feature sends its starting state (reputations, titles, ...).
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
    for (const step of ENTER_WORLD_STEPS) await step({ session, services });
    session.logger.info({ world: character.worldId, zone: character.zoneId }, "entered world");
  },
});
