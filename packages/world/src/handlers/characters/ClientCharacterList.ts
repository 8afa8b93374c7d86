import { MAX_CHARACTERS_PER_ACCOUNT } from "@bezgelor/core";
import { listCharacters, type Character } from "@bezgelor/db";
import { ServerCharacterList, type PacketValue } from "@bezgelor/protocol";
import type { WorldServices } from "../../server/services";
import type { Session } from "../../server/session";
import { CHARACTER_SCREEN } from "../../server/states";
import { handler } from "../types";

type CharacterEntry = PacketValue<typeof ServerCharacterList>["characters"][number];

const DAY_MS = 86_400_000;

/**
 * Days since the character was last online, negative as the client expects it (NexusForever
 * `CharacterListHandler`: `-(now - LastOnline).TotalDays`, 0 for a character never played).
 */
function lastLoggedOutDays(c: Character, now: number): number {
  return c.lastOnlineAt ? -(now - c.lastOnlineAt.getTime()) / DAY_MS : 0;
}

function entry(c: Character, realmId: number, now: number): CharacterEntry {
  return {
    id: BigInt(c.id),
    name: c.name,
    sex: c.sex,
    race: c.race,
    class: c.class,
    faction: c.faction,
    level: c.level,
    appearance: [],
    gear: [],
    worldId: c.worldId,
    worldZoneId: c.zoneId,
    realmId,
    location: { position: { x: c.positionX, y: c.positionY, z: c.positionZ }, yaw: c.rotationX, pitch: 0 },
    path: 0,
    isLocked: false,
    requiresRename: false,
    gearMask: 0,
    customisations: [],
    bones: [],
    lastLoggedOutDays: lastLoggedOutDays(c, now),
  };
}

/** Sends the account's characters on this realm. */
export async function sendCharacterList(session: Session, services: WorldServices): Promise<void> {
  const accountId = session.requireAccount().id;
  const characters = await listCharacters(services.db, { accountId });
  const realmId = services.config.server.realmId;
  const now = Date.now();
  session.send(ServerCharacterList, {
    serverTime: BigInt(now),
    characters: characters.map((c) => entry(c, realmId, now)),
    // The creation screen offers only these choices (the client's CharacterCreation ids this data knows).
    enabledCharacterCreationIds: services.data.characterCreations.all().map((c) => c.id),
    disabledCharacterCreationIds: [],
    realmId,
    characterRemoveIdentity: { realmId, characterId: 0n },
    characterRemoveTime: 0,
    characterReservationCount: 0,
    // Enforced by createCharacter, which refuses the next one.
    maxNumberCharacters: MAX_CHARACTERS_PER_ACCOUNT,
    additionalCount: 0,
    factionRestriction: 0,
    freeLevel50: false,
  });
}

export const clientCharacterList = handler("ClientCharacterList", {
  states: CHARACTER_SCREEN,
  handle: ({ session, services }) => sendCharacterList(session, services),
});
