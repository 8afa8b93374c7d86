import { handler } from "../types";
import { ENTER_WORLD_STEPS, runEnterWorldSteps } from "../../enter-world/index";
import { completeWorldEntry } from "../../game/world-entry";

/**
 * The client finished loading: it gets control of its unit and leaves the loading screen
 * (`completeWorldEntry`), the character is now in the world, visible to presence, and every
 * feature's starting state is sent by the steps of `ENTER_WORLD_STEPS` (titles, achievements, ...).
 */
export const clientEnteredWorld = handler("ClientEnteredWorld", {
  states: ["entering"],
  async handle(ctx) {
    const { session, services } = ctx;
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
    completeWorldEntry(ctx, character.id);
    await runEnterWorldSteps({ session, services, characterId: character.id, accountId: account.id, now: new Date() }, ENTER_WORLD_STEPS);
    session.assertOpen("enter the world");
    session.logger.info({ world: character.worldId, zone: character.zoneId }, "entered world");
  },
});
