import type { MovementLimits, MovementState } from "./movement";
import type { GameData } from "@bezgelor/data";
import { STAT, ServerEntityStatUpdateInteger } from "@bezgelor/protocol";
import { packet, type OutgoingPacket } from "../server/outgoing";
import { mountDyesPacket, type CompanionRole, type CompanionSpec, type CompanionUnit, type PetFight } from "./companion";
import type { NpcUnit, PlayerLook, Viewer, PlayerUnit } from "./unit";
import { WorldMap, type MoveResult } from "./world-map";
import type { EntityCommandValue } from "./movement";

/** The simulation's clock, ms; tests pass one they advance by hand. */
export interface WorldClock {
  now(): number;
}

/** The system clock. */
export const SYSTEM_CLOCK: WorldClock = { now: () => Date.now() };

/**
 * Farthest a player may be from a unit it interacts with, metres (3-D). NexusForever does not
 * check; this is the server's rule, generous enough for the client's own interaction range.
 */
export const INTERACTION_RANGE = 15;

/** What {@link WorldMaps.reach} found. */
export type Reach =
  | { readonly ok: true; readonly unit: NpcUnit; readonly distance: number }
  | { readonly ok: false; readonly reason: "not-in-world" | "no-such-unit" | "out-of-range"; readonly distance?: number };

/** Where a character is, for saving. */
export interface CharacterPlace {
  readonly characterId: number;
  readonly worldId: number;
  readonly zoneId: number;
  readonly movement: MovementState;
}

interface Placed {
  map: WorldMap;
  unit: PlayerUnit;
  zoneId: number;
  /** The place as last saved (or entered at, which is the saved one): {@link placeKey}. */
  savedKey: string;
}

/** What a save writes of a place (world, zone, position, facing), as one comparable value. */
function placeKey(place: CharacterPlace): string {
  const { position: p, rotation: r } = place.movement;
  return [place.worldId, place.zoneId, p.x, p.y, p.z, r.x, r.y, r.z].join(" ");
}

/**
 * Every world map with units, and which unit each character in the world is. The simulation steps
 * on {@link tick} (a timer calls it; tests call it after advancing their clock). A map started by
 * its first player is kept, and stepped, when its last player leaves: its creatures' deaths,
 * combat and respawn times go on, so leaving and coming back does not respawn a kill.
 */
export class WorldMaps {
  private readonly maps = new Map<number, WorldMap>();
  private readonly byCharacter = new Map<number, Placed>();

  constructor(
    readonly clock: WorldClock,
    private readonly limits: MovementLimits,
    /** The spawns placed on each map when it starts, and the creatures they are. */
    private readonly data: Pick<GameData, "spawns" | "creatures">,
  ) {}

  /** The world's map, started (its spawns placed) on first use. */
  private mapOf(worldId: number): WorldMap {
    let map = this.maps.get(worldId);
    if (map) return map;
    map = new WorldMap(worldId, this.limits);
    this.maps.set(worldId, map);
    const now = this.clock.now();
    for (const spawn of this.data.spawns.all()) {
      if (spawn.worldId === worldId) map.addNpc({ spawn, creature: this.data.creatures.require(spawn.creatureId) }, now);
    }
    return map;
  }

  /** The map of a world, if it has started (a player entered it once; it stays started). */
  map(worldId: number): WorldMap | undefined {
    return this.maps.get(worldId);
  }

  /**
   * Puts a character's player unit on its world (see {@link WorldMap.addPlayer}); a unit it still
   * had (another session) is taken off first. Returns the unit.
   */
  enter(spec: { worldId: number; zoneId: number; look: PlayerLook; viewer: Viewer; movement: MovementState }): PlayerUnit {
    this.leave(spec.look.characterId);
    const map = this.mapOf(spec.worldId);
    const unit = map.addPlayer(spec, this.clock.now());
    const savedKey = placeKey({ characterId: spec.look.characterId, worldId: spec.worldId, zoneId: spec.zoneId, movement: unit.movement });
    this.byCharacter.set(spec.look.characterId, { map, unit, zoneId: spec.zoneId, savedKey });
    return unit;
  }

  /** Takes a character's unit out of its world; returns where it was (for saving), or undefined. */
  leave(characterId: number): CharacterPlace | undefined {
    const placed = this.byCharacter.get(characterId);
    if (!placed) return undefined;
    this.byCharacter.delete(characterId);
    placed.map.remove(placed.unit.id);
    // The map stays when nobody is on it (maps are per world id, so few): its creatures keep
    // their state and the tick keeps stepping it, so a kill stays dead until its respawn time.
    return this.placeOf(characterId, placed);
  }

  /** The character's unit and the map it is on, if it is in a world. */
  placed(characterId: number): { readonly map: WorldMap; readonly unit: PlayerUnit } | undefined {
    const placed = this.byCharacter.get(characterId);
    return placed && { map: placed.map, unit: placed.unit };
  }

  /** The character's unit, if it is in a world. */
  unitOf(characterId: number): PlayerUnit | undefined {
    return this.byCharacter.get(characterId)?.unit;
  }

  /** Moves the character's own unit (the only one its client steers). */
  move(characterId: number, commands: readonly EntityCommandValue[]): MoveResult {
    const placed = this.byCharacter.get(characterId);
    if (!placed) return { ok: false, reason: "the character has no unit in a world" };
    return placed.map.move(placed.unit.id, commands, this.clock.now());
  }

  /**
   * The spawned unit `unitId` if the character can interact with it: on the character's map, seen
   * by it, and within `range` metres of its unit.
   */
  reach(characterId: number, unitId: number, range = INTERACTION_RANGE): Reach {
    const placed = this.byCharacter.get(characterId);
    if (!placed) return { ok: false, reason: "not-in-world" };
    const unit = placed.map.unit(unitId);
    if (!unit || unit.kind !== "npc" || !placed.unit.visible.has(unitId)) return { ok: false, reason: "no-such-unit" };
    const a = placed.unit.movement.position;
    const b = unit.movement.position;
    const distance = Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
    if (distance > range) return { ok: false, reason: "out-of-range", distance };
    return { ok: true, unit, distance };
  }

  /** Whether a mailbox unit is within `range` metres of the character's unit. */
  nearMailbox(characterId: number, range = INTERACTION_RANGE): boolean {
    const placed = this.byCharacter.get(characterId);
    if (!placed) return false;
    for (const id of placed.unit.visible) {
      const unit = placed.map.unit(id);
      if (unit?.kind === "npc" && unit.spawn.type === "mailbox" && this.reach(characterId, id, range).ok) return true;
    }
    return false;
  }

  /**
   * Sends `packet` to the character's own session and to every player who sees its unit (local
   * chat, title changes). Returns how many got it; 0 when the character has no unit in a world.
   * The same packet object goes to every viewer (encoded once).
   */
  toViewersOf(characterId: number, packet: OutgoingPacket): number {
    const placed = this.byCharacter.get(characterId);
    if (!placed) return 0;
    placed.unit.viewer.deliver(packet);
    return 1 + placed.map.deliverToViewers(placed.unit.id, packet);
  }

  /**
   * Puts the character's mount or pet on its map (its create to everyone in range), replacing the
   * one of that role it had; a mount sets the rider's speed. Undefined when the character has no unit.
   * @throws WorldError LIMIT_REACHED when the map has no unit id left.
   */
  summon(characterId: number, spec: CompanionSpec): CompanionUnit | undefined {
    const placed = this.byCharacter.get(characterId);
    if (!placed) return undefined;
    this.dismiss(characterId, spec.role);
    const unit = placed.map.addCompanion(placed.unit.id, spec, this.clock.now());
    if (unit && spec.role === "mount") placed.unit.speed = spec.speed;
    return unit;
  }

  /** Takes the character's mount or pet off its map (destroyed for those who saw it); a rider walks again. Returns it, or undefined. */
  dismiss(characterId: number, role: CompanionRole): CompanionUnit | undefined {
    const placed = this.byCharacter.get(characterId);
    const unit = this.companionOf(characterId, role);
    if (!placed || !unit) return undefined;
    placed.map.remove(unit.id);
    if (role === "mount") placed.unit.speed = 1;
    return unit;
  }

  /**
   * Recolours the character's summoned mount when it is `mountId`: the dyes are kept on the unit
   * (whoever sees it later gets them after its create) and ServerMountDyes goes now to everyone who
   * sees it, the rider included. False (nothing sent) when it rides no mount, or another one.
   */
  recolourMount(characterId: number, mountId: number, dyes: readonly number[]): boolean {
    const placed = this.byCharacter.get(characterId);
    const unit = this.companionOf(characterId, "mount");
    if (!placed || !unit || unit.spec.collectibleId !== mountId) return false;
    unit.spec = { ...unit.spec, dyes: [...dyes] };
    const update = mountDyesPacket(unit);
    for (const viewer of placed.map.viewersOf(unit.id)) viewer.viewer.deliver(update);
    return true;
  }

  /** The character's summoned mount or pet, if any. */
  companionOf(characterId: number, role: CompanionRole): CompanionUnit | undefined {
    const placed = this.byCharacter.get(characterId);
    if (!placed) return undefined;
    for (const unit of placed.map.companionsOf(placed.unit.id)) if (unit.spec.role === role) return unit;
    return undefined;
  }

  /**
   * The character's unit takes its new level: the damage it deals and the creates new viewers get
   * use it, and it and everyone who sees it are told (ServerEntityStatUpdateInteger, stat Level;
   * NexusForever's `WorldEntity.SetStat` tells those who see the unit, this server tells the player
   * too, whose own create carried the old level). Nothing when the character has no unit.
   */
  setLevel(characterId: number, level: number): void {
    const unit = this.byCharacter.get(characterId)?.unit;
    if (!unit) return;
    unit.look = { ...unit.look, level };
    this.toViewersOf(characterId, packet(ServerEntityStatUpdateInteger, { unitId: unit.id, stat: STAT.Level, value: level }));
  }

  /**
   * The character's combat pet out takes its new level when it is `petId`: its strikes hit for it
   * (its fight), the creates new viewers get show it, and when the level changed everyone who sees
   * the pet, its owner included, is told (ServerEntityStatUpdateInteger, stat Level, as
   * {@link setLevel} tells a player's). False (nothing changed) when no such pet is out.
   */
  setPetLevel(characterId: number, petId: number, level: number): boolean {
    const placed = this.byCharacter.get(characterId);
    const pet = this.companionOf(characterId, "pet");
    if (!placed || !pet?.fight || pet.spec.collectibleId !== petId) return false;
    pet.fight.level = level;
    if (pet.spec.level === level) return true;
    pet.spec = { ...pet.spec, level };
    this.toViewersOfUnit(characterId, pet.id, packet(ServerEntityStatUpdateInteger, { unitId: pet.id, stat: STAT.Level, value: level }));
    return true;
  }

  /**
   * Every combat pet out on a started map, with its map, its fight and its owner's unit (each map
   * keeps its combat pets apart: no pass over its other units). For the game's pet step after {@link tick}.
   */
  *combatPets(): Generator<{ readonly map: WorldMap; readonly pet: CompanionUnit; readonly fight: PetFight; readonly owner: PlayerUnit }> {
    for (const map of this.maps.values()) {
      for (const unit of map.combatPets()) {
        if (!unit.fight) continue;
        const owner = map.unit(unit.ownerId);
        if (owner?.kind === "player") yield { map, pet: unit, fight: unit.fight, owner };
      }
    }
  }

  /** Sends `packet` to every player who sees unit `unitId` of the character's map (not the character unless it sees it). */
  toViewersOfUnit(characterId: number, unitId: number, packet: OutgoingPacket): void {
    const placed = this.byCharacter.get(characterId);
    if (!placed) return;
    for (const viewer of placed.map.viewersOf(unitId)) viewer.viewer.deliver(packet);
  }

  /** Records the zone the client says the character walked into. */
  setZone(characterId: number, zoneId: number): void {
    const placed = this.byCharacter.get(characterId);
    if (placed) placed.zoneId = zoneId;
  }

  /** Where every character in a world is now (saving everyone, at shutdown). */
  places(): CharacterPlace[] {
    return [...this.byCharacter.entries()].map(([characterId, placed]) => this.placeOf(characterId, placed));
  }

  /**
   * Where every character whose place changed since it was last saved (or since it entered: the
   * place it entered at is the saved one) is now: what the periodic save writes. A character
   * standing still is not in it; nor is one that only moved back to where it was saved.
   */
  unsavedPlaces(): CharacterPlace[] {
    return this.places().filter((place) => placeKey(place) !== this.byCharacter.get(place.characterId)?.savedKey);
  }

  /**
   * Records `places` as saved: each character, while still in the world, counts as unchanged until
   * it moves from that place (one that moved during the save is still unsaved).
   */
  markSaved(places: readonly CharacterPlace[]): void {
    for (const place of places) {
      const placed = this.byCharacter.get(place.characterId);
      if (placed) placed.savedKey = placeKey(place);
    }
  }

  /** One simulation step of every map (visibility from the positions reached). */
  tick(): void {
    const now = this.clock.now();
    for (const map of this.maps.values()) map.update(now);
  }

  private placeOf(characterId: number, placed: Placed): CharacterPlace {
    return { characterId, worldId: placed.map.worldId, zoneId: placed.zoneId, movement: placed.unit.movement };
  }
}
