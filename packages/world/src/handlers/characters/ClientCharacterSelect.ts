import { DbError, getActiveTitle, getCharacter, getReputations, recordCharacterOnline } from "@bezgelor/db";
import { CHARACTER_SELECT_RESULT, ServerCharacterSelectFail } from "@bezgelor/protocol";
import { beginWorldEntry } from "../../game/world-entry";
import { CHARACTER_SCREEN } from "../../server/states";
import { handler } from "../types";

const MAX_ID = 2_147_483_647n;

/**
 * Picks a character of this account, stamps it online and loads its world (`beginWorldEntry`:
 * ServerChangeWorld, its own unit, path log, instance settings, ServerPlayerCreate); the client
 * answers ClientEnteredWorld once loaded. Someone else's or an unknown character, or a database
 * outage, gets the genuine refusal.
 */
export const clientCharacterSelect = handler("ClientCharacterSelect", {
  states: CHARACTER_SCREEN,
  async handle(ctx, packet) {
    const { session, services } = ctx;
    const accountId = session.requireAccount().id;
    const refuse = (reason: string) => {
      session.logger.info({ characterId: packet.characterId.toString(), reason }, "character select refused");
      session.send(ServerCharacterSelectFail, { result: CHARACTER_SELECT_RESULT.Failed });
    };
    if (packet.characterId < 1n || packet.characterId > MAX_ID) return refuse("id out of range");
    let character;
    try {
      character = await getCharacter(services.db, { characterId: Number(packet.characterId), accountId });
    } catch (error) {
      if (error instanceof DbError && error.code === "CHARACTER_NOT_FOUND") return refuse("not this account's character");
      throw error;
    }
    const [reputations, titleId] = await Promise.all([
      getReputations(services.db, { characterId: character.id }),
      getActiveTitle(services.db, { accountId }),
      recordCharacterOnline(services.db, { characterId: character.id }),
    ]);
    session.setCharacter({
      id: character.id,
      name: character.name,
      faction: character.faction,
      level: character.level,
      worldId: character.worldId,
      zoneId: character.zoneId,
    });
    session.state = "entering";
    beginWorldEntry(ctx, character, { reputations, titleId: titleId ?? 0 });
    return undefined;
  },
  onUnavailable: ({ session }, packet) => {
    session.logger.info({ characterId: packet.characterId.toString(), reason: "database unavailable" }, "character select refused");
    session.send(ServerCharacterSelectFail, { result: CHARACTER_SELECT_RESULT.Failed });
  },
});
