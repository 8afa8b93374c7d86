import { listCharacters, type Character } from "@bezgelor/db";
import { ServerCharacterList, type PacketValue } from "@bezgelor/protocol";
import type { WorldServices } from "../../server/services";
import type { Session } from "../../server/session";
import { CHARACTER_SCREEN } from "../../server/states";
import { handler } from "../types";

type CharacterEntry = PacketValue<typeof ServerCharacterList>["characters"][number];

/** WildStar lets an account hold this many characters per realm. */
const MAX_CHARACTERS = 12;

function entry(c: Character, realmId: number): CharacterEntry {
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
    location: { position: { x: c.positionX, y: c.positionY, z: c.positionZ }, yaw: 0, pitch: 0 },
    path: 0,
    isLocked: false,
    requiresRename: false,
    gearMask: 0,
    customisations: [],
    bones: [],
    lastLoggedOutDays: c.lastLoginAt ? (Date.now() - c.lastLoginAt.getTime()) / 86_400_000 : 0,
  };
}

/** Sends the account's characters on this realm. */
export async function sendCharacterList(session: Session, services: WorldServices): Promise<void> {
  const accountId = session.requireAccount().id;
  const characters = await listCharacters(services.db, { accountId });
  const realmId = services.config.server.realmId;
  session.send(ServerCharacterList, {
    serverTime: BigInt(Date.now()),
    characters: characters.map((c) => entry(c, realmId)),
    enabledCharacterCreationIds: [],
    disabledCharacterCreationIds: [],
    realmId,
    characterRemoveIdentity: { realmId, characterId: 0n },
    characterRemoveTime: 0,
    characterReservationCount: 0,
    maxNumberCharacters: MAX_CHARACTERS,
    additionalCount: 0,
    factionRestriction: 0,
    freeLevel50: false,
  });
}

export const clientCharacterList = handler("ClientCharacterList", {
  states: CHARACTER_SCREEN,
  handle: ({ session, services }) => sendCharacterList(session, services),
});
