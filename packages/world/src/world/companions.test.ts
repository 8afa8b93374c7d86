import { buildGameData } from "@bezgelor/data";
import { ENTITY_COMMAND, ENTITY_TYPE, type ServerPacketValues } from "@bezgelor/protocol";
import { describe, expect, it } from "vitest";
import type { OutgoingPacket } from "../server/outgoing";
import type { CompanionSpec } from "./companion";
import { standingAt } from "./movement";
import { WorldMaps } from "./world-maps";

function viewer() {
  const got: OutgoingPacket[] = [];
  return {
    deliver: (p: OutgoingPacket) => void got.push(p),
    take: () => got.splice(0).map((p) => [p.def.name, (p.value as { unitId: number }).unitId] as const),
    got,
  };
}
const look = (characterId: number) => ({ characterId, realmId: 1, name: `P${characterId}`, race: 1, class: 1, sex: 0, faction: 166, level: 3, titleId: 0 });
const spec = (role: "mount" | "pet", over: Partial<CompanionSpec> = {}): CompanionSpec => ({
  role,
  collectibleType: role === "mount" ? "mount" : "vanity_pet",
  collectibleId: 1,
  creatureId: 500,
  unitVehicleId: role === "mount" ? 101 : 0,
  name: role === "pet" ? "Pell" : "",
  faction: 166,
  speed: role === "mount" ? 2 : 1,
  flairDisplayIds: [7001, 0, 0, 0],
  level: 3,
  ...over,
});

function setup() {
  let now = 1_000;
  const maps = new WorldMaps({ now: () => now }, { maxSpeed: 10, burstSeconds: 1 }, buildGameData({}));
  const enter = (id: number, x: number) => {
    const v = viewer();
    const unit = maps.enter({ worldId: 870, zoneId: 1, look: look(id), viewer: v, movement: standingAt({ x, y: 0, z: 0 }, 0) });
    v.take();
    return { v, unit };
  };
  const walk = (characterId: number, x: number) => maps.move(characterId, [{ command: ENTITY_COMMAND.SetPosition, position: { x, y: 0, z: 0 }, blend: false }]);
  return { maps, enter, walk, advance: (ms: number) => (now += ms) };
}

describe("mounts and pets on a map", () => {
  it("creates a companion for everyone in range, owner included, with the Mount or Pet model", () => {
    const { maps, enter } = setup();
    const a = enter(1, 0);
    const b = enter(2, 50);
    a.v.take();
    const far = enter(3, 500);
    const mount = maps.summon(1, spec("mount"))!;
    expect(a.v.take()).toEqual([["ServerEntityCreate", mount.id]]);
    const seen = b.v.got.map((p) => p.value as ServerPacketValues["ServerEntityCreate"]).find((v) => v.unitId === mount.id);
    expect(seen?.entity).toEqual({
      type: ENTITY_TYPE.Mount,
      creatureId: 500,
      unitVehicleId: 101,
      ownerId: a.unit.id,
      passengers: [{ seatType: 0, seatPosition: 0, unitId: a.unit.id }],
    });
    expect(seen?.visibleItems).toEqual([{ slot: 66, displayId: 7001, colourSetId: 0, dyeData: 0 }]);
    expect(far.v.take()).toEqual([]);
    const pet = maps.summon(1, spec("pet"))!;
    expect(maps.companionOf(1, "pet")).toBe(pet);
    expect(maps.companionOf(1, "mount")).toBe(mount);
    expect(maps.companionOf(2, "pet")).toBeUndefined();
  });

  it("replaces a companion of the same role, and takes them all away with their owner", () => {
    const { maps, enter } = setup();
    const a = enter(1, 0);
    const b = enter(2, 50);
    const first = maps.summon(1, spec("pet"))!;
    const second = maps.summon(1, spec("pet", { collectibleId: 2 }))!;
    expect(b.v.take().slice(-3)).toEqual([
      ["ServerEntityCreate", first.id],
      ["ServerEntityDestroy", first.id],
      ["ServerEntityCreate", second.id],
    ]);
    const mount = maps.summon(1, spec("mount"))!;
    expect([maps.companionOf(1, "pet"), maps.companionOf(1, "mount"), maps.companionOf(2, "pet")]).toEqual([second, mount, undefined]);
    b.v.take();
    maps.leave(1);
    expect(b.v.take().sort()).toEqual(
      [
        ["ServerEntityDestroy", a.unit.id],
        ["ServerEntityDestroy", second.id],
        ["ServerEntityDestroy", mount.id],
      ].sort(),
    );
    // Back on the map: nothing of the old unit's companions is its (a unit id may be reused).
    enter(1, 0);
    expect([maps.companionOf(1, "pet"), maps.companionOf(1, "mount")]).toEqual([undefined, undefined]);
  });

  it("follows the owner on each update, telling those who see it", () => {
    const { maps, enter, walk, advance } = setup();
    enter(1, 0);
    const b = enter(2, 50);
    const pet = maps.summon(1, spec("pet"))!;
    advance(1_000);
    expect(walk(1, 8)).toEqual({ ok: true });
    b.v.take();
    maps.tick();
    expect(b.v.take()).toEqual([["ServerEntityCommand", pet.id]]);
    expect(pet.movement.position).toEqual({ x: 8, y: 0, z: 0 });
    maps.tick();
    expect(b.v.take()).toEqual([]);
  });

  it("a rider moves at its mount's speed, and at its own once dismounted", () => {
    const { maps, enter, walk, advance } = setup();
    enter(1, 0);
    advance(1_000);
    expect(walk(1, 15).ok).toBe(false); // 10 m/s on foot, 1 s of budget
    maps.summon(1, spec("mount", { speed: 2 }));
    expect(walk(1, 15)).toEqual({ ok: true });
    maps.dismiss(1, "mount");
    advance(1_000);
    expect(walk(1, 30).ok).toBe(false);
  });

  it("a combat pet starts following at its level and is listed for the pet step; taken off it is dismissed; others never fight", () => {
    const { maps, enter } = setup();
    const a = enter(1, 0);
    enter(2, 10);
    const vanity = maps.summon(2, spec("pet"))!;
    expect(vanity.fight).toBeUndefined();
    expect(maps.summon(2, spec("mount"))!.fight).toBeUndefined();
    const pet = maps.summon(1, spec("pet", { collectibleType: "pet", collectibleId: 2001, level: 4 }))!;
    expect(pet.fight).toEqual({ state: { kind: "following" }, level: 4, busy: false });
    expect([...maps.combatPets()].map((p) => [p.pet.id, p.owner.id, p.fight])).toEqual([[pet.id, a.unit.id, pet.fight]]);
    // Replaced by another: the first is dismissed, the new one follows.
    const next = maps.summon(1, spec("pet", { collectibleType: "pet", collectibleId: 2002 }))!;
    expect(pet.fight?.state).toEqual({ kind: "dismissed" });
    expect([...maps.combatPets()].map((p) => p.pet.id)).toEqual([next.id]);
    // Gone with its owner.
    maps.leave(1);
    expect(next.fight?.state).toEqual({ kind: "dismissed" });
    expect([...maps.combatPets()]).toEqual([]);
  });
});
