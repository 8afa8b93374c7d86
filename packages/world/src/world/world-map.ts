import { NO_COOLDOWNS } from "@bezgelor/core";
import { packet, type OutgoingPacket } from "../server/outgoing";
import { ServerPlayerChanged } from "@bezgelor/protocol";
import { Grid, VISION_RANGE } from "./grid";
import { applyClientCommands, refillBudget, type EntityCommandValue, type MovementLimits, type MovementState } from "./movement";
import { creatureHealth, type Creature, type Spawn } from "@bezgelor/data";
import { standingAt } from "./movement";
import {
  createPacket,
  destroyPacket,
  movementPacket,
  playerCreatePacket,
  type MapUnit,
  type NpcUnit,
  type PlayerLook,
  type PlayerUnit,
  type Viewer,
} from "./unit";
import { PET_DISMISSED } from "@bezgelor/core";
import { afterCreatePackets, newPetFight, type CompanionSpec, type CompanionUnit } from "./companion";
import { UnitIds } from "./unit-ids";
import { combatStatePackets, forgetAttacker, updateCombat } from "./combat";
import { visibilityChange } from "./visibility";

/** What a player unit needs to join a map. */
export interface PlayerSpec {
  readonly look: PlayerLook;
  readonly viewer: Viewer;
  readonly movement: MovementState;
}

/** What a spawned unit needs to join a map: its spawn and the creature it is. */
export interface NpcSpec {
  readonly spawn: Spawn;
  readonly creature: Creature;
}

const NO_COMPANIONS: ReadonlySet<CompanionUnit> = new Set();

/** What {@link WorldMap.move} decided. */
export type MoveResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * One world's units: ids unique on the map, a grid for range searches, and what each player sees.
 * Everything a player sees was created on it (ServerEntityCreate, then what `afterCreatePackets`
 * adds: a dyed mount's ServerMountDyes) and is destroyed when it leaves
 * range or the map (ServerEntityDestroy); movement is relayed to those who see the mover. Nothing
 * here waits or reads a clock: the time is passed in.
 */
export class WorldMap {
  private readonly units = new Map<number, MapUnit>();
  private readonly grid = new Grid();
  private readonly ids = new UnitIds();
  /** The player units (the viewers), a subset of `units`. */
  private readonly players = new Map<number, PlayerUnit>();
  /**
   * Who sees each unit, as {@link viewersOf} finds them, kept until sight changes anywhere on the
   * map (every change goes through {@link see} and {@link unsee}, which drop them all): a crowd
   * chatting in one place pays the search once, not two set lookups per receiver and line.
   */
  private readonly viewerLists = new Map<number, readonly PlayerUnit[]>();
  /** Each player's companions (its mount, its pet), by the owner's unit id: found without a pass over the map. */
  private readonly companions = new Map<number, Set<CompanionUnit>>();
  /** The combat pets on the map (companions with a fight), for the pet step of every tick. */
  private readonly fighters = new Set<CompanionUnit>();
  private castingIds = 0;
  /**
   * A unit was added or removed since the last {@link update}. With that and every unit where it
   * was, no player's sight can have changed, so the step skips the range searches.
   */
  private unitsChanged = true;

  constructor(
    readonly worldId: number,
    private readonly limits: MovementLimits,
    /** How far players see, metres (128 on open-world maps). */
    private readonly visionRange = VISION_RANGE,
  ) {}

  get size(): number {
    return this.units.size;
  }

  /** How many players are on the map. */
  get playerCount(): number {
    return this.players.size;
  }

  unit(id: number): MapUnit | undefined {
    return this.units.get(id);
  }

  /**
   * Adds a player: it is sent its own unit (ServerEntityCreate, then ServerPlayerChanged: "this is
   * you"), then every unit in range; every player in range is sent the newcomer.
   * @throws WorldError LIMIT_REACHED when the map has no unit id left.
   */
  addPlayer(spec: PlayerSpec, now: number): PlayerUnit {
    const unit: PlayerUnit = {
      id: this.ids.take(),
      kind: "player",
      look: spec.look,
      viewer: spec.viewer,
      movement: spec.movement,
      addedAt: now,
      visible: new Set(),
      budget: refillBudget(0, Number.POSITIVE_INFINITY, this.limits),
      speed: 1,
      budgetAt: now,
      targetId: 0,
      fighting: new Set(),
      cooldowns: NO_COOLDOWNS,
    };
    this.units.set(unit.id, unit);
    this.players.set(unit.id, unit);
    this.unitsChanged = true;
    this.grid.place(unit.id, unit.movement.position);
    unit.viewer.deliver(playerCreatePacket(unit, now));
    unit.viewer.deliver(packet(ServerPlayerChanged, { unitId: unit.id, unknown1: 1 }));
    const created = playerCreatePacket(unit, now);
    for (const id of this.grid.near(unit.movement.position, this.visionRange)) {
      if (id === unit.id) continue;
      const other = this.units.get(id)!;
      this.see(unit, id);
      unit.viewer.deliver(createPacket(other, now));
      for (const state of combatStatePackets(other)) unit.viewer.deliver(state);
      for (const more of afterCreatePackets(other)) unit.viewer.deliver(more);
      if (other.kind !== "player") continue;
      this.see(other, unit.id);
      other.viewer.deliver(created);
    }
    return unit;
  }

  /**
   * Places a spawned unit (a creature, vendor or mailbox) at its spawn, at full health: every
   * player in range is sent its create.
   * @throws WorldError LIMIT_REACHED when the map has no unit id left.
   */
  addNpc(spec: NpcSpec, now: number): NpcUnit {
    const maxHealth = creatureHealth(spec.creature);
    const unit: NpcUnit = {
      id: this.ids.take(),
      kind: "npc",
      spawn: spec.spawn,
      creature: spec.creature,
      maxHealth,
      health: maxHealth,
      movement: standingAt(spec.spawn.position, spec.spawn.yaw),
      addedAt: now,
      combat: undefined,
      diedAt: undefined,
    };
    this.show(unit, now);
    return unit;
  }

  /**
   * Places a player's mount or pet where its owner is: every player in range (the owner included)
   * is sent its create. Returns undefined when the owner is not a player on this map.
   * @throws WorldError LIMIT_REACHED when the map has no unit id left.
   */
  addCompanion(ownerId: number, spec: CompanionSpec, now: number): CompanionUnit | undefined {
    const owner = this.players.get(ownerId);
    if (!owner) return undefined;
    const unit: CompanionUnit = { id: this.ids.take(), kind: "companion", ownerId, spec, movement: owner.movement, addedAt: now, fight: newPetFight(spec) };
    this.show(unit, now);
    let owned = this.companions.get(ownerId);
    if (!owned) this.companions.set(ownerId, (owned = new Set()));
    owned.add(unit);
    if (unit.fight) this.fighters.add(unit);
    return unit;
  }

  /** The companions (mount, pet) player unit `ownerId` has out on this map. */
  companionsOf(ownerId: number): ReadonlySet<CompanionUnit> {
    return this.companions.get(ownerId) ?? NO_COMPANIONS;
  }

  /** The combat pets out on this map, whoever owns them. */
  combatPets(): IterableIterator<CompanionUnit> {
    return this.fighters.values();
  }

  /** Puts a new non-player unit on the map and creates it for every player in range. */
  private show(unit: MapUnit, now: number): void {
    this.units.set(unit.id, unit);
    this.unitsChanged = true;
    this.grid.place(unit.id, unit.movement.position);
    const created = createPacket(unit, now);
    const more = afterCreatePackets(unit);
    for (const id of this.grid.near(unit.movement.position, this.visionRange)) {
      const viewer = this.players.get(id);
      if (!viewer) continue;
      this.see(viewer, unit.id);
      viewer.viewer.deliver(created);
      for (const p of more) viewer.viewer.deliver(p);
    }
  }

  /** Takes a unit off the map: everyone who saw it is sent ServerEntityDestroy; its id is freed. A player's companions go with it. Harmless if absent. */
  remove(id: number): MapUnit | undefined {
    const unit = this.units.get(id);
    if (!unit) return undefined;
    if (unit.kind === "player") {
      forgetAttacker(this, unit);
      for (const companion of [...this.companionsOf(id)]) this.remove(companion.id);
      this.companions.delete(id);
    }
    if (unit.kind === "companion") {
      this.companions.get(unit.ownerId)?.delete(unit);
      this.fighters.delete(unit);
      // A combat pet taken off (dismissed, replaced, or gone with its owner) stops fighting.
      if (unit.fight) unit.fight.state = PET_DISMISSED;
    }
    this.units.delete(id);
    this.players.delete(id);
    this.grid.remove(id);
    this.unitsChanged = true;
    this.viewerLists.clear();
    const gone = destroyPacket(id, unit.kind === "npc" && unit.diedAt !== undefined);
    for (const other of this.players.values()) {
      if (this.unsee(other, id)) other.viewer.deliver(gone);
    }
    this.ids.give(id);
    return unit;
  }

  /**
   * Applies a player's ClientEntityCommand to its own unit (see `applyClientCommands`) and relays
   * its new movement to everyone who sees it (not to itself). A refusal changes nothing and
   * nobody is sent anything.
   */
  move(id: number, commands: readonly EntityCommandValue[], now: number): MoveResult {
    const unit = this.players.get(id);
    if (!unit) return { ok: false, reason: "the unit is not a player on this map" };
    // A rider moves at its mount's speed: the limits scale with it.
    const limits = unit.speed === 1 ? this.limits : { ...this.limits, maxSpeed: this.limits.maxSpeed * unit.speed };
    const budget = refillBudget(unit.budget, now - unit.budgetAt, limits);
    const outcome = applyClientCommands(commands, {
      current: unit.movement,
      budget,
      limits,
      canStandOn: (other) => unit.visible.has(other),
    });
    if (!outcome.ok) return outcome;
    unit.movement = outcome.next;
    unit.budget = outcome.budget;
    unit.budgetAt = now;
    this.deliverToViewers(id, movementPacket(unit, now));
    return { ok: true };
  }

  /**
   * The simulation step: combat (creatures leaving combat and healing, the dead respawning; see
   * `updateCombat`), then every unit is put where it now is on the grid and every player's sight is
   * brought up to date: units that came into range are created on it, units that left are destroyed.
   * When no unit moved and none came or went since the last step, sight cannot have changed and
   * the range searches are skipped (a crowd standing still costs nothing per step).
   */
  update(now: number): void {
    updateCombat(this, now);
    this.followOwners(now);
    let changed = this.unitsChanged;
    this.unitsChanged = false;
    for (const unit of this.units.values()) if (this.grid.place(unit.id, unit.movement.position)) changed = true;
    if (!changed) return;
    for (const viewer of this.players.values()) {
      const inRange = new Set(this.grid.near(viewer.movement.position, this.visionRange));
      inRange.delete(viewer.id);
      const change = visibilityChange(viewer.visible, inRange);
      for (const id of change.left) {
        this.unsee(viewer, id);
        viewer.viewer.deliver(destroyPacket(id, false));
      }
      for (const id of change.entered) {
        this.see(viewer, id);
        const unit = this.units.get(id)!;
        viewer.viewer.deliver(createPacket(unit, now));
        for (const state of combatStatePackets(unit)) viewer.viewer.deliver(state);
        for (const more of afterCreatePackets(unit)) viewer.viewer.deliver(more);
      }
    }
  }

  /** A new id for a cast on this map (ServerSpellStart/ServerSpellGo castingId), from 1, wrapping at 2^32. */
  nextCastingId(): number {
    this.castingIds = (this.castingIds % 0xffff_ffff) + 1;
    return this.castingIds;
  }

  /** Companions take their owner's place; those who see one that moved are sent its movement. */
  private followOwners(now: number): void {
    for (const unit of this.units.values()) {
      if (unit.kind !== "companion") continue;
      const owner = this.players.get(unit.ownerId);
      if (!owner || owner.movement === unit.movement) continue;
      unit.movement = owner.movement;
      const update = movementPacket(unit, now);
      for (const viewer of this.players.values()) if (viewer.visible.has(unit.id)) viewer.viewer.deliver(update);
    }
  }

  /** Every unit on the map. */
  all(): IterableIterator<MapUnit> {
    return this.units.values();
  }

  /**
   * The player units that see unit `id` (not itself). Sight between players is mutual (one vision
   * range, both sets kept on every add, step and removal), so a player's viewers are found among
   * the players it sees, not by asking every player on the map (a busy map's chat line or move
   * would cost one lookup per player there); any other unit's, by asking every player.
   */
  viewersOf(id: number): PlayerUnit[] {
    return [...this.viewerList(id)];
  }

  /**
   * Delivers `packet` to every player unit that sees unit `id` (those {@link viewersOf} lists), in
   * the same order: what a chat line or a move costs per receiver. Returns how many got it.
   */
  deliverToViewers(id: number, out: OutgoingPacket): number {
    const viewers = this.viewerList(id);
    // The list is never changed, only dropped: a delivery that ends a session (and takes its
    // player off the map) leaves this pass as it was, and the closed session ignores the packet.
    for (let i = 0; i < viewers.length; i++) viewers[i]!.viewer.deliver(out);
    return viewers.length;
  }

  /** Makes unit `id` visible to `viewer` (sight changed: the viewer lists are dropped). */
  private see(viewer: PlayerUnit, id: number): void {
    viewer.visible.add(id);
    this.viewerLists.clear();
  }

  /** Hides unit `id` from `viewer`; false when it did not see it. */
  private unsee(viewer: PlayerUnit, id: number): boolean {
    if (!viewer.visible.delete(id)) return false;
    this.viewerLists.clear();
    return true;
  }

  /** The viewers of unit `id`, from {@link viewerLists} or found now (and kept). */
  private viewerList(id: number): readonly PlayerUnit[] {
    const kept = this.viewerLists.get(id);
    if (kept !== undefined) return kept;
    const viewers: PlayerUnit[] = [];
    const unit = this.players.get(id);
    if (!unit) {
      for (const p of this.players.values()) if (p.visible.has(id)) viewers.push(p);
    } else {
      for (const seen of unit.visible) {
        const other = this.players.get(seen);
        if (other?.visible.has(id)) viewers.push(other);
      }
    }
    this.viewerLists.set(id, viewers);
    return viewers;
  }
}
