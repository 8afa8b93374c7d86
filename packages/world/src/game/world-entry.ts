// The genuine world entry, in the order the project's external protocol notes give (protocol-entities.md 1a-1c, not in this repository; NexusForever
// `Source/NexusForever.Game/Entity/Player.cs` OnAddToMap, SendPacketsAfterAddToMap, OnEnteredWorld).
import type { Character, ReputationStanding } from "@bezgelor/db";
import {
  PLAYER_CREATE_MONEY_SLOTS,
  PLAYER_CREATE_TRADESKILL_SLOTS,
  ServerChangeWorld,
  ServerInstanceSettings,
  ServerMovementControl,
  ServerPathLog,
  ServerPlayerCreate,
  ServerPlayerEnteredWorld,
} from "@bezgelor/protocol";
import { CURRENCIES } from "@bezgelor/data";
import { WorldError } from "../errors";
import type { HandlerContext } from "../handlers/types";
import { standingAt } from "../world/movement";
import { sendAbilities, sendActionSets } from "./spells";

/** How often the client sends its movement, ms (NexusForever's ServerInstanceSettings value). */
export const CLIENT_MOVEMENT_INTERVAL_MS = 125;

/** What entering reads from the database besides the character. */
export interface WorldEntryState {
  readonly reputations: readonly ReputationStanding[];
  readonly titleId: number;
}

/**
 * Loads the world for a selected character: ServerChangeWorld (the loading screen), its own unit
 * (ServerEntityCreate + ServerPlayerChanged) and the units around it, ServerPathLog,
 * ServerInstanceSettings, then ServerPlayerCreate with its money by currency type, its XP and its
 * faction standings, then its ability items (ServerItemAdd), spell list (ServerAbilities) and
 * action bars (ServerActionSet ×4, the basic attack in set 0 slot 0). The client answers ClientEnteredWorld once loaded ({@link completeWorldEntry}).
 */
export function beginWorldEntry({ session, services }: HandlerContext, character: Character, state: WorldEntryState): void {
  const position = { x: character.positionX, y: character.positionY, z: character.positionZ };
  session.send(ServerChangeWorld, { worldId: character.worldId, position, yaw: character.rotationX, pitch: 0 });
  services.world.enter({
    worldId: character.worldId,
    zoneId: character.zoneId,
    viewer: session,
    movement: standingAt(position, character.rotationX),
    look: {
      characterId: character.id,
      realmId: services.config.server.realmId,
      name: character.name,
      race: character.race,
      class: character.class,
      sex: character.sex,
      faction: character.faction,
      level: character.level,
      titleId: state.titleId,
    },
  });
  // The character list shows path 0 for everyone until paths are chosen at creation; the active
  // path is unlocked. Progress is XP, which this server does not keep per path (it keeps levels).
  session.send(ServerPathLog, { activePath: 0, pathProgress: [0, 0, 0, 0], pathUnlockedMask: 1 << 0, timeSinceLastActivateInDays: 0 });
  session.send(ServerInstanceSettings, { difficulty: 0, primeLevel: 0, flags: 0, clientEntitySendUpdateInterval: CLIENT_MOVEMENT_INTERVAL_MS });
  const money = new Array<bigint>(PLAYER_CREATE_MONEY_SLOTS).fill(0n);
  money[CURRENCIES.gold.wireType - 1] = character.gold;
  session.send(ServerPlayerCreate, {
    inventory: [],
    money,
    xp: character.xp,
    restBonusXp: 0,
    itemProficiencies: 0,
    elderPoints: 0,
    dailyElderPoints: 0,
    specIndex: 0,
    bonusPower: 0,
    bonusAbilityTierPoints: 0,
    // NexusForever: the faction id here does nothing for the player's own faction; standings are what count.
    factionData: { factionId: character.faction, reputations: state.reputations.map((r) => ({ factionId: r.factionId, value: r.standing })) },
    pets: [],
    inputKeySet: 0,
    bindPointId: 0,
    activeCostumeIndex: -1,
    attributePoints: 0,
    pvpFlagDuration: 0,
    knownDyes: [],
    tradeskillMaterials: new Array<number>(PLAYER_CREATE_TRADESKILL_SLOTS).fill(0),
    gearScore: 0,
    isPvpServer: false,
    matchingEligibilityFlagMask: 0,
    entitlements: [],
  });
  sendAbilities(session, services.data, character.id);
  sendActionSets(session, services.data);
}

/**
 * The client has loaded: it is given control of its own unit (ServerMovementControl, ticket 1,
 * immediate), then the loading screen goes (ServerPlayerEnteredWorld), the retail order.
 * @throws WorldError WRONG_STATE when the character has no unit (a server bug).
 */
export function completeWorldEntry({ session, services }: HandlerContext, characterId: number): void {
  const unit = services.world.unitOf(characterId);
  if (!unit) throw new WorldError("WRONG_STATE", `character ${characterId} has no unit in its world`);
  session.send(ServerMovementControl, { ticket: 1, immediate: true, unitId: unit.id });
  session.send(ServerPlayerEnteredWorld, {});
}
