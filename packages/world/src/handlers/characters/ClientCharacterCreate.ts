import { DbError, createCharacter } from "@bezgelor/db";
import { CHARACTER_CREATE_RESULT, ServerCharacterCreate } from "@bezgelor/protocol";
import type { Session } from "../../server/session";
import { CHARACTER_SCREEN } from "../../server/states";
import { handler } from "../types";

/** Answers ClientCharacterCreate with a genuine refusal (nothing was created) and logs why. */
function refuse(session: Session, packet: { name: string; characterCreationId: number }, result: number, reason: string): void {
  session.logger.info({ name: packet.name, creationId: packet.characterCreationId, reason }, "character create refused");
  session.send(ServerCharacterCreate, { characterId: 0n, worldId: 0, result });
}

/**
 * Creates a character from a creation-screen choice. The client sends only the choice's id; the
 * game data says which race, class, sex and faction it means; the character starts at the start
 * location of its race and faction (`start-locations.json`, NexusForever's Nexus start).
 * Refusals use the genuine result codes (NexusForever `CharacterModifyResult`): a taken name is
 * CreateFailed_UniqueName; anything else, a full account included, is CreateFailed, because the
 * genuine field is 3 bits and CreateFailed_AccountFull (9) does not fit it. The session goes on.
 */
export const clientCharacterCreate = handler("ClientCharacterCreate", {
  states: CHARACTER_SCREEN,
  async handle({ session, services }, packet) {
    const choice = services.data.characterCreations.get(packet.characterCreationId);
    if (!choice) return refuse(session, packet, CHARACTER_CREATE_RESULT.CreateFailed, "unknown character creation id");
    // The data guarantees every choice a start location of its own race and faction.
    const start = services.data.startLocations.for(choice.race, choice.factionId);
    if (!start) return refuse(session, packet, CHARACTER_CREATE_RESULT.CreateFailed, "no start location for the choice's faction");
    try {
      const character = await createCharacter(services.db, {
        rules: services.rules,
        accountId: session.requireAccount().id,
        name: packet.name,
        race: choice.race,
        class: choice.class,
        sex: choice.sex,
        faction: choice.factionId,
        worldId: start.worldId,
        zoneId: start.zoneId,
        position: start.position,
        yaw: start.yaw,
      });
      session.logger.info({ characterId: character.id, name: character.name }, "character created");
      session.send(ServerCharacterCreate, { characterId: BigInt(character.id), worldId: character.worldId, result: CHARACTER_CREATE_RESULT.CreateOk });
    } catch (error) {
      if (!(error instanceof DbError)) throw error;
      if (error.code === "NAME_TAKEN") return refuse(session, packet, CHARACTER_CREATE_RESULT.CreateFailedUniqueName, error.message);
      if (error.code === "INVALID_INPUT" || error.code === "CHARACTER_CREATION_NOT_OFFERED") {
        return refuse(session, packet, CHARACTER_CREATE_RESULT.CreateFailed, error.message);
      }
      if (error.code === "CHARACTER_LIMIT_REACHED") return refuse(session, packet, CHARACTER_CREATE_RESULT.CreateFailed, `account full: ${error.message}`);
      throw error;
    }
    return undefined;
  },
  onUnavailable: ({ session }, packet) => refuse(session, packet, CHARACTER_CREATE_RESULT.CreateFailed, "database unavailable"),
});
