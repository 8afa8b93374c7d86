import type { Cooldowns } from "@bezgelor/core";
import {
  ENTITY_COMMAND,
  ENTITY_CREATE_FLAG,
  ENTITY_TYPE,
  PROPERTY,
  STAT,
  STAT_TYPE,
  ServerEntityCommand,
  ServerEntityCreate,
  ServerEntityDestroy,
  type ServerPacketValues,
} from "@bezgelor/protocol";
import type { Creature, Spawn } from "@bezgelor/data";
import { packet, type OutgoingPacket } from "../server/outgoing";
import { companionCreatePacket, type CompanionUnit } from "./companion";
import type { MovementState } from "./movement";

/** Who sees through a unit's eyes: a player's session (it gets creates, destroys and movement). */
export interface Viewer {
  deliver(packet: OutgoingPacket): void;
}

/** What other players see of a player: the Player entity model's facts. */
export interface PlayerLook {
  readonly characterId: number;
  readonly realmId: number;
  readonly name: string;
  readonly race: number;
  readonly class: number;
  readonly sex: number;
  readonly faction: number;
  readonly level: number;
  readonly titleId: number;
}

/** What every unit on a map has: its per-map id and where it is. */
interface UnitBase {
  readonly id: number;
  movement: MovementState;
  /** The map clock (ms) when the unit was added: its movement clock counts from there. */
  readonly addedAt: number;
}

/** A player's unit: it sees (its session is sent what comes into and leaves its range). */
export interface PlayerUnit extends UnitBase {
  readonly kind: "player";
  /** What others see of it; replaced when it changes (its level: `WorldMaps.setLevel`). */
  look: PlayerLook;
  /** Its session: what it sees is created on it. */
  readonly viewer: Viewer;
  /** Units this one's viewer has been sent a create for (not itself). */
  readonly visible: Set<number>;
  /** Horizontal metres it may still move now, and when that was worked out. */
  budget: number;
  budgetAt: number;
  /** The unit it has selected (ClientEntitySelect), 0 for none. */
  targetId: number;
  /** The creatures it is in combat with (it is in combat while this is not empty). */
  readonly fighting: Set<number>;
  /** Its speed multiplier: 1 on foot, its mount's speed when riding (scales the movement limits). */
  speed: number;
  /** When its global cooldown and its spells' cooldowns end (ms, the world clock; game/spells/cooldowns). */
  cooldowns: Cooldowns;
}

/**
 * A unit placed from the spawns data: a creature, a vendor or a mailbox. It is seen, it does not
 * see. Its health starts at the creature's maximum ({@link creatureHealth}).
 */
export interface NpcUnit extends UnitBase {
  readonly kind: "npc";
  readonly spawn: Spawn;
  readonly creature: Creature;
  readonly maxHealth: number;
  health: number;
  /** While in combat: when it was last hit (ms) and the player units that hit it. */
  combat: { lastHitAt: number; readonly attackers: Set<number> } | undefined;
  /** When it died (ms), while dead; it respawns its spawn's `respawnSeconds` later. */
  diedAt: number | undefined;
}

/**
 * Whether a spawned unit can be attacked: creatures can; vendors and mailboxes cannot (they are
 * services, and their interaction would be lost with them).
 */
export function isAttackable(unit: MapUnit): unit is NpcUnit {
  return unit.kind === "npc" && unit.spawn.type === "nonPlayer" && unit.spawn.vendorId === undefined;
}

/** A unit on a map. */
export type MapUnit = PlayerUnit | NpcUnit | CompanionUnit;

type Command = ServerPacketValues["ServerEntityCommand"]["commands"][number];

/** The unit's movement clock: ms since it was added, as a u32. */
export function unitTime(unit: Pick<MapUnit, "addedAt">, now: number): number {
  return Math.max(0, Math.floor(now - unit.addedAt)) % 2 ** 32;
}

/**
 * The full command set of a unit, as NexusForever sends it in a create and in every relayed update
 * (`Source/NexusForever.Game/Entity/Movement/MovementManager.cs` GetNetworkEntityCommands):
 * platform, position, velocity, move, rotation, scale 1, state, mode.
 */
export function movementCommands(m: MovementState): Command[] {
  return [
    { command: ENTITY_COMMAND.SetPlatform, unitId: m.platform },
    { command: ENTITY_COMMAND.SetPosition, position: m.position, blend: false },
    { command: ENTITY_COMMAND.SetVelocity, velocity: m.velocity, blend: false },
    { command: ENTITY_COMMAND.SetMove, move: m.move, blend: false },
    { command: ENTITY_COMMAND.SetRotation, rotation: m.rotation, blend: false },
    { command: ENTITY_COMMAND.SetScale, scale: 1, blend: false },
    { command: ENTITY_COMMAND.SetState, state: m.state },
    { command: ENTITY_COMMAND.SetMode, mode: m.mode },
  ];
}

/** Health every player has until characters have stats: NexusForever's first public version ("Hello World", 9d5c1499, `Game/Entity/Player.cs`) sends 800 of a base 200. */
const PLAYER_HEALTH = 800;

/**
 * ServerEntityCreate of a player unit: the Player model, stats Health 800, Level and Sheathed 1
 * (NexusForever `Source/NexusForever.Game/Entity/Player.cs` sets Sheathed), the properties the
 * first NexusForever clients entered with (base health 200 → 800, move speed 1, jump height 2.5,
 * gravity 1), its movement commands, and its faction twice. No create flags (NexusForever sends
 * players with none).
 */
export function playerCreatePacket(unit: PlayerUnit, now: number): OutgoingPacket {
  const l = unit.look;
  return packet(ServerEntityCreate, {
    unitId: unit.id,
    entity: {
      type: ENTITY_TYPE.Player,
      characterId: BigInt(l.characterId),
      realmId: l.realmId,
      name: l.name,
      race: l.race,
      class: l.class,
      sex: l.sex,
      groupId: 0n,
      petIds: [],
      guildName: "",
      guildType: 0,
      guildIds: [],
      bones: [],
      pvpFlag: 0,
      unknown4C: 0,
      titleId: l.titleId,
    },
    createFlags: ENTITY_CREATE_FLAG.None,
    stats: [
      { stat: STAT.Health, value: { type: STAT_TYPE.Integer, value: PLAYER_HEALTH } },
      { stat: STAT.Level, value: { type: STAT_TYPE.Integer, value: l.level } },
      { stat: STAT.Sheathed, value: { type: STAT_TYPE.Integer, value: 1 } },
    ],
    time: unitTime(unit, now),
    commands: movementCommands(unit.movement),
    properties: [
      { property: PROPERTY.BaseHealth, baseValue: 200, value: PLAYER_HEALTH },
      { property: PROPERTY.MoveSpeedMultiplier, baseValue: 1, value: 1 },
      { property: PROPERTY.JumpHeight, baseValue: 2.5, value: 2.5 },
      { property: PROPERTY.GravityMultiplier, baseValue: 1, value: 1 },
    ],
    visibleItems: [],
    spellInit: [],
    ...unownedUnitFields(l.faction),
  });
}

/**
 * The create fields every unit this server makes shares: its faction twice, no spell cast, no
 * owner, and the vendor info, world placement and target cluster blocks of type 0.
 */
function unownedUnitFields(faction: number) {
  return {
    currentSpellUniqueId: 0,
    faction1: faction,
    faction2: faction,
    unitTagOwner: 0,
    groupTagOwner: 0n,
    vendorInfo: { type: 0, unknown0: false },
    worldPlacement: { type: 0, unknown0: false },
    targetClusterInfo: { type: 0, unknown0: false },
    miniMapMarker: 0,
    displayInfo: 0,
    outfitInfo: 0,
  } as const;
}

/**
 * ServerEntityCreate of a spawned unit, as NexusForever builds it (`Source/NexusForever.Game/Entity/NonPlayerEntity.cs`,
 * `Source/NexusForever.Game/Entity/MailboxEntity.cs`, `WorldEntity.cs` BuildCreatePacket): a NonPlayer
 * model (creature id, quest checklist 0) with the Vendor create flag when it sells, or a MailBox
 * model (creature id only, create flags forced 0); stats Health (current) and Level; property base
 * health = its maximum; its movement commands; the creature's faction twice (0 without one);
 * vendor info, world placement and target cluster blocks of type 0 as NexusForever sends them.
 */
export function npcCreatePacket(unit: NpcUnit, now: number): OutgoingPacket {
  const mailbox = unit.spawn.type === "mailbox";
  const faction = unit.creature.factionId ?? 0;
  return packet(ServerEntityCreate, {
    unitId: unit.id,
    entity: mailbox
      ? { type: ENTITY_TYPE.MailBox, creatureId: unit.creature.id }
      : { type: ENTITY_TYPE.NonPlayer, creatureId: unit.creature.id, questChecklistIdx: 0 },
    createFlags: !mailbox && unit.spawn.vendorId !== undefined ? ENTITY_CREATE_FLAG.Vendor : ENTITY_CREATE_FLAG.None,
    stats: [
      { stat: STAT.Health, value: { type: STAT_TYPE.Integer, value: unit.health } },
      { stat: STAT.Level, value: { type: STAT_TYPE.Integer, value: unit.creature.level } },
    ],
    time: unitTime(unit, now),
    commands: movementCommands(unit.movement),
    properties: [
      { property: PROPERTY.BaseHealth, baseValue: unit.maxHealth, value: unit.maxHealth },
      { property: PROPERTY.MoveSpeedMultiplier, baseValue: 1, value: 1 },
    ],
    visibleItems: [],
    spellInit: [],
    ...unownedUnitFields(faction),
  });
}

/** ServerEntityCreate of any unit, for a viewer it comes into sight of. */
export function createPacket(unit: MapUnit, now: number): OutgoingPacket {
  if (unit.kind === "companion") return companionCreatePacket(unit, now);
  return unit.kind === "player" ? playerCreatePacket(unit, now) : npcCreatePacket(unit, now);
}

/** The unit's movement for those who see it; a player steering itself is not server controlled. */
export function movementPacket(unit: MapUnit, now: number): OutgoingPacket {
  return packet(ServerEntityCommand, {
    unitId: unit.id,
    time: unitTime(unit, now),
    timeReset: false,
    serverControlled: false,
    commands: movementCommands(unit.movement),
  });
}

/**
 * A unit gone from a viewer's sight. `died` sets the death-animation bit: only for a dead unit taken
 * off (a creature's corpse at its respawn), never for one that left (a logout, a teleport, a
 * dismissed companion) or walked out of range. NexusForever's RemoveVisible sets it always.
 */
export function destroyPacket(unitId: number, died: boolean): OutgoingPacket {
  return packet(ServerEntityDestroy, { unitId, useDeathAnimation: died });
}
