import { ENTITY_COMMAND } from "@bezgelor/protocol";
import { describe, expect, it } from "vitest";
import type { OutgoingPacket } from "../server/outgoing";
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

function setup() {
  let now = 1_000;
  const maps = new WorldMaps({ now: () => now }, { maxSpeed: 50, burstSeconds: 2 });
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
