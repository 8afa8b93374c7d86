// Units that belong to a player and stay with it: its mount (EntityType Mount 7, the player seated
// as pilot) and its pet (EntityType Pet 24, following it). They are seen like any unit, follow their
// owner's position on every map update, and leave the map with it.
import { PET_FOLLOWING, type PetState } from "@bezgelor/core";
import { ENTITY_CREATE_FLAG, ENTITY_TYPE, PROPERTY, STAT, STAT_TYPE, ServerEntityCreate, VEHICLE_SEAT_TYPE } from "@bezgelor/protocol";
import { packet, type OutgoingPacket } from "../server/outgoing";
import type { MovementState } from "./movement";
import { movementCommands, unitTime } from "./unit";

/** ItemSlot of the four flair visuals, front to right (NexusForever ItemSlot MountFront 66 .. MountRight 69). */
export const MOUNT_FLAIR_ITEM_SLOTS = [66, 67, 68, 69] as const;

/** What a companion is: a mount the owner rides, or a pet following it. */
export type CompanionRole = "mount" | "pet";

/** What a companion needs to be created. */
export interface CompanionSpec {
  readonly role: CompanionRole;
  /** What of the collection it is. */
  readonly collectibleType: "mount" | "vanity_pet" | "pet";
  /** The collection id (mount id, vanity or combat pet id) it was summoned from. */
  readonly collectibleId: number;
  readonly creatureId: number;
  /** Mounts: the UnitVehicle (411 is a hoverboard). */
  readonly unitVehicleId: number;
  /** Pets: the name shown (a nickname or empty). */
  readonly name: string;
  readonly faction: number;
  /** Mounts: the speed multiplier (from data, with upgrades). */
  readonly speed: number;
  /** Mounts: flair display ids per slot, front to right (0 = empty). */
  readonly flairDisplayIds: readonly number[];
  readonly level: number;
}

/**
 * A combat pet's part in its owner's fights: its state (core `petStep`/`petAttacksDue`), the level
 * its damage uses (raised when a kill levels it), and `busy` while the game writes a kill it
 * landed (the pet makes no move until that is done, so one pet's database work never overlaps).
 */
export interface PetFight {
  state: PetState;
  level: number;
  busy: boolean;
}

/** A player's mount or pet on a map. */
export interface CompanionUnit {
  readonly id: number;
  readonly kind: "companion";
  readonly ownerId: number;
  readonly spec: CompanionSpec;
  movement: MovementState;
  readonly addedAt: number;
  /** Combat pets only (collectibleType "pet"): its fight; dismissed once it leaves the map. */
  readonly fight: PetFight | undefined;
}

/** The fight a new companion starts with: a combat pet follows its owner; others never fight. */
export function newPetFight(spec: CompanionSpec): PetFight | undefined {
  return spec.collectibleType === "pet" ? { state: PET_FOLLOWING, level: spec.level, busy: false } : undefined;
}

const PET_HEALTH = 800;

/**
 * ServerEntityCreate of a companion. A mount, as NexusForever's MountEntity: the Mount model
 * (creature, unit vehicle, owner, its pilot in seat Pilot 0), SpawnAnimation, its flair as item
 * visuals 66-69 and its speed as the MoveSpeedMultiplier property. A pet, as NexusForever's
 * PetEntity for vanity pets: the Pet model (creature, owner, 0, name), Health 800 and its level.
 * Both carry the owner's faction twice.
 */
export function companionCreatePacket(unit: CompanionUnit, now: number): OutgoingPacket {
  const s = unit.spec;
  const mount = s.role === "mount";
  return packet(ServerEntityCreate, {
    unitId: unit.id,
    entity: mount
      ? {
          type: ENTITY_TYPE.Mount,
          creatureId: s.creatureId,
          unitVehicleId: s.unitVehicleId,
          ownerId: unit.ownerId,
          passengers: [{ seatType: VEHICLE_SEAT_TYPE.Pilot, seatPosition: 0, unitId: unit.ownerId }],
        }
      : { type: ENTITY_TYPE.Pet, creatureId: s.creatureId, ownerId: unit.ownerId, unknown1: 0, name: s.name },
    createFlags: mount ? ENTITY_CREATE_FLAG.SpawnAnimation : ENTITY_CREATE_FLAG.None,
    stats: mount
      ? []
      : [
          { stat: STAT.Health, value: { type: STAT_TYPE.Integer, value: PET_HEALTH } },
          { stat: STAT.Level, value: { type: STAT_TYPE.Integer, value: s.level } },
        ],
    time: unitTime(unit, now),
    commands: movementCommands(unit.movement),
    properties: mount ? [{ property: PROPERTY.MoveSpeedMultiplier, baseValue: 1, value: s.speed }] : [],
    visibleItems: mount
      ? s.flairDisplayIds.flatMap((displayId, i) => (displayId === 0 ? [] : [{ slot: MOUNT_FLAIR_ITEM_SLOTS[i] ?? 66, displayId, colourSetId: 0, dyeData: 0 }]))
      : [],
    spellInit: [],
    currentSpellUniqueId: 0,
    faction1: s.faction,
    faction2: s.faction,
    unitTagOwner: 0,
    groupTagOwner: 0n,
    vendorInfo: { type: 0, unknown0: false },
    worldPlacement: { type: 0, unknown0: false },
    targetClusterInfo: { type: 0, unknown0: false },
    miniMapMarker: 0,
    displayInfo: 0,
    outfitInfo: 0,
  });
}
