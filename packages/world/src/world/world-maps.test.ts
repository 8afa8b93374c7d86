import { buildGameData } from "@bezgelor/data";
import { ENTITY_COMMAND, ENTITY_CREATE_FLAG, ENTITY_TYPE, STAT, ServerTitleSet, type ServerPacketValues } from "@bezgelor/protocol";
import { describe, expect, it, vi } from "vitest";
import { packet, type OutgoingPacket } from "../server/outgoing";
import { standingAt } from "./movement";
import { WorldMaps } from "./world-maps";

function viewer() {
  const got: OutgoingPacket[] = [];
  return {
    deliver: (p: OutgoingPacket) => void got.push(p),
    got,
    names: () => got.map((p) => p.def.name),
    take: () => got.splice(0).map((p) => [p.def.name, (p.value as { unitId: number }).unitId] as const),
  };
}

const look = (characterId: number) => ({ characterId, realmId: 1, name: `P${characterId}`, race: 1, class: 1, sex: 0, faction: 166, level: 3, titleId: 0 });

/** A Girrok at x 60, a vendor at x 10 and a mailbox at x -10 on world 870; a Girrok on world 426. */
const spawnData = buildGameData({
  factions: [{ id: 166, name: "Dominion" }],
  items: [{ id: 10, name: "Thing", kind: "misc" }],
  vendors: [{ id: 50, name: "Shop", items: [{ itemId: 10, price: 1 }] }],
  creatures: [
    { id: 12347, name: "Feral Girrok", level: 8, health: 900, rewards: {} },
    { id: 12350, name: "Quartermaster", level: 20, factionId: 166, rewards: {} },
    { id: 12353, name: "Mailbox", level: 1, rewards: {} },
  ],
  spawns: [
    { id: 1, creatureId: 12347, worldId: 870, position: { x: 60, y: 0, z: 0 }, yaw: 0.5, respawnSeconds: 60 },
    { id: 2, creatureId: 12350, worldId: 870, position: { x: 10, y: 0, z: 0 }, yaw: 0, respawnSeconds: 60, vendorId: 50 },
    { id: 3, creatureId: 12353, type: "mailbox", worldId: 870, position: { x: -10, y: 0, z: 0 }, yaw: 0, respawnSeconds: 60 },
    { id: 4, creatureId: 12347, worldId: 426, position: { x: 0, y: 0, z: 0 }, yaw: 0, respawnSeconds: 60 },
  ],
});

type Create = ServerPacketValues["ServerEntityCreate"];
const creates = (v: ReturnType<typeof viewer>) => v.got.filter((p) => p.def.name === "ServerEntityCreate").map((p) => p.value as Create);

const noSpawns = buildGameData({});

function setup(data = noSpawns) {
  let now = 1_000;
  const maps = new WorldMaps({ now: () => now }, { maxSpeed: 50, burstSeconds: 2 }, data);
  const enter = (id: number, x: number, worldId = 870) => {
    const v = viewer();
    const unit = maps.enter({ worldId, zoneId: 1, look: look(id), viewer: v, movement: standingAt({ x, y: 0, z: 0 }, 0) });
    return { v, unit };
  };
  const walk = (characterId: number, x: number) => maps.move(characterId, [{ command: ENTITY_COMMAND.SetPosition, position: { x, y: 0, z: 0 }, blend: false }]);
  return { maps, enter, walk, advance: (ms: number) => (now += ms) };
}

describe("a world's units", () => {
  it("creates the newcomer's own unit first, then what is in range; those in range see the newcomer", () => {
    const { enter } = setup();
    const a = enter(1, 0);
    expect(a.v.take()).toEqual([
      ["ServerEntityCreate", a.unit.id],
      ["ServerPlayerChanged", a.unit.id],
    ]);
    const far = enter(3, 500);
    const b = enter(2, 100);
    expect(b.v.take()).toEqual([
      ["ServerEntityCreate", b.unit.id],
      ["ServerPlayerChanged", b.unit.id],
      ["ServerEntityCreate", a.unit.id],
    ]);
    expect(a.v.take()).toEqual([["ServerEntityCreate", b.unit.id]]);
    expect(far.v.names()).toEqual(["ServerEntityCreate", "ServerPlayerChanged"]);
    expect(new Set([a.unit.id, b.unit.id, far.unit.id]).size).toBe(3);
  });

  it("destroys a unit that walked out of range at the next step, and creates it again when it comes back", () => {
    const { enter, walk, advance, maps } = setup();
    const a = enter(1, 0);
    const b = enter(2, 100);
    a.v.take();
    b.v.take();
    advance(4_000);
    expect(walk(2, 190)).toEqual({ ok: true });
    expect(a.v.take()).toEqual([["ServerEntityCommand", b.unit.id]]);
    expect(b.v.take()).toEqual([]);
    maps.tick();
    expect(a.v.take()).toEqual([["ServerEntityDestroy", b.unit.id]]);
    expect(b.v.take()).toEqual([["ServerEntityDestroy", a.unit.id]]);
    advance(4_000);
    expect(walk(2, 120)).toEqual({ ok: true });
    expect(a.v.take()).toEqual([]); // a no longer sees b: nothing relayed
    maps.tick();
    expect(a.v.take()).toEqual([["ServerEntityCreate", b.unit.id]]);
    expect(b.v.take()).toEqual([["ServerEntityCreate", a.unit.id]]);
    maps.tick();
    expect([...a.v.got, ...b.v.got]).toEqual([]);
  });

  it("finds a crowd's viewers once while sight stays as it is, not with a lookup per receiver and line", () => {
    const { enter, maps } = setup();
    const crowd = Array.from({ length: 6 }, (_, i) => enter(i + 1, i));
    crowd.forEach((p) => p.v.got.splice(0));
    const line = (n: number) => packet(ServerTitleSet, { unitId: crowd[0]!.unit.id, titleId: n });
    expect(maps.toViewersOf(1, line(0))).toBe(6);
    const lookups = vi.spyOn(Set.prototype, "has");
    for (let n = 1; n <= 3; n++) expect(maps.toViewersOf(1, line(n))).toBe(6);
    expect(lookups).not.toHaveBeenCalled();
    lookups.mockRestore();
    for (const p of crowd) expect(p.v.got.map((g) => (g.value as { titleId: number }).titleId)).toEqual([0, 1, 2, 3]);
    // sight changes: the newcomer hears the next line, and the list is found again
    const late = enter(7, 3);
    late.v.got.splice(0);
    expect(maps.toViewersOf(1, line(4))).toBe(7);
    expect(late.v.got.map((g) => g.def.name)).toEqual(["ServerTitleSet"]);
  });

  it("refuses a move that is too fast, changing nothing and telling nobody", () => {
    const { enter, walk, advance, maps } = setup();
    const a = enter(1, 0);
    const b = enter(2, 100);
    a.v.take();
    b.v.take();
    advance(1_000);
    expect(walk(2, 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/moved 900.0 m/) as string });
    expect(maps.unitOf(2)?.movement.position.x).toBe(100);
    maps.tick();
    expect([...a.v.got, ...b.v.got]).toEqual([]);
  });

  it("keeps worlds apart, and destroys a leaving unit for those who saw it, freeing its id", () => {
    const { enter, maps } = setup();
    const a = enter(1, 0);
    const elsewhere = enter(9, 0, 426);
    const b = enter(2, 10);
    a.v.take();
    elsewhere.v.take();
    expect(maps.leave(2)).toMatchObject({ characterId: 2, worldId: 870, zoneId: 1, movement: { position: { x: 10 } } });
    expect(a.v.take()).toEqual([["ServerEntityDestroy", b.unit.id]]);
    expect(elsewhere.v.got).toEqual([]);
    expect(maps.leave(2)).toBeUndefined();
    const c = enter(3, 20);
    expect(c.unit.id).toBe(b.unit.id);
    expect(
      maps
        .places()
        .map((p) => p.characterId)
        .sort(),
    ).toEqual([1, 3, 9]);
  });
});

describe("places to save", () => {
  it("are those that changed since their last save or since entering; a move during a save leaves it unsaved", () => {
    const { maps, enter, walk, advance } = setup();
    enter(1, 0);
    enter(2, 5);
    expect(maps.unsavedPlaces()).toEqual([]);
    advance(1_000);
    walk(1, 20);
    const moved = maps.unsavedPlaces();
    expect(moved.map((p) => [p.characterId, p.movement.position.x])).toEqual([[1, 20]]);
    // It moves on while that save is written: the save recorded x 20, so x 30 is still unsaved.
    advance(1_000);
    walk(1, 30);
    maps.markSaved(moved);
    expect(maps.unsavedPlaces().map((p) => [p.characterId, p.movement.position.x])).toEqual([[1, 30]]);
    maps.markSaved(maps.unsavedPlaces());
    expect(maps.unsavedPlaces()).toEqual([]);
    // Back where it was saved is no change; a new zone is.
    advance(1_000);
    walk(1, 20);
    walk(1, 30);
    maps.setZone(2, 9);
    expect(maps.unsavedPlaces().map((p) => [p.characterId, p.zoneId])).toEqual([[2, 9]]);
    // Everyone's place, moved or not, is still there to save at shutdown.
    expect(maps.places().map((p) => p.characterId)).toEqual([1, 2]);
  });
});

describe("spawned units", () => {
  it("are created for a player in range with their genuine models, flags, health and faction", () => {
    const { enter } = setup(spawnData);
    const a = enter(1, 0);
    const creatureId = (c: Create) => ("creatureId" in c.entity ? c.entity.creatureId : 0);
    const seen = creates(a.v)
      .filter((c) => c.unitId !== a.unit.id)
      .sort((x, y) => creatureId(x) - creatureId(y));
    expect(seen.map((c) => [c.entity.type, "creatureId" in c.entity ? c.entity.creatureId : 0, c.createFlags])).toEqual([
      [ENTITY_TYPE.NonPlayer, 12347, ENTITY_CREATE_FLAG.None],
      [ENTITY_TYPE.NonPlayer, 12350, ENTITY_CREATE_FLAG.Vendor],
      [ENTITY_TYPE.MailBox, 12353, ENTITY_CREATE_FLAG.None],
    ]);
    const health = (c: Create) => c.stats.find((s) => s.stat === STAT.Health)?.value.value;
    expect(seen.map(health)).toEqual([900, 2000, 100]);
    expect(seen.map((c) => [c.faction1, c.faction2])).toEqual([
      [0, 0],
      [166, 166],
      [0, 0],
    ]);
    const at = seen[0]!.commands.find((c) => c.command === ENTITY_COMMAND.SetPosition);
    expect(at && "position" in at ? at.position : undefined).toEqual({ x: 60, y: 0, z: 0 });
  });

  it("are created when a player walks into range and destroyed when it walks away; only that world's spawns", () => {
    const { enter, walk, advance, maps } = setup(spawnData);
    const a = enter(1, -130);
    // From -130 only the mailbox (-10) is within 128 m.
    expect(
      creates(a.v)
        .filter((c) => c.unitId !== a.unit.id)
        .map((c) => c.entity.type),
    ).toEqual([ENTITY_TYPE.MailBox]);
    a.v.got.length = 0;
    advance(2_000);
    expect(walk(1, -60)).toEqual({ ok: true });
    maps.tick();
    expect(
      creates(a.v)
        .map((c) => ("creatureId" in c.entity ? c.entity.creatureId : 0))
        .sort(),
    ).toEqual([12347, 12350]);
    a.v.got.length = 0;
    advance(2_000);
    expect(walk(1, -160)).toEqual({ ok: true });
    maps.tick();
    expect(a.v.names().filter((n) => n === "ServerEntityDestroy")).toHaveLength(3);
    const other = enter(2, 500, 426);
    expect(creates(other.v).filter((c) => c.unitId !== other.unit.id)).toEqual([]);
    expect(maps.map(426)?.size).toBe(2);
  });

  it("a map nobody is on keeps its units: coming back places nothing afresh", () => {
    const { enter, maps } = setup(spawnData);
    enter(1, 0);
    const map = maps.map(870);
    expect(map?.size).toBe(4);
    const unitIds = [...map!.all()]
      .filter((u) => u.kind === "npc")
      .map((u) => u.id)
      .sort();
    maps.leave(1);
    expect(maps.map(870)).toBe(map);
    expect(map?.size).toBe(3);
    const again = enter(1, 0);
    expect(
      creates(again.v)
        .filter((c) => c.unitId !== again.unit.id)
        .map((c) => c.unitId)
        .sort(),
    ).toEqual(unitIds);
    expect(maps.map(870)?.size).toBe(4);
  });
});
