import { buildGameData } from "@bezgelor/data";
import { ENTITY_COMMAND } from "@bezgelor/protocol";
import { describe, expect, it } from "vitest";
import type { OutgoingPacket } from "../server/outgoing";
import type { CompanionSpec } from "./companion";
import { standingAt } from "./movement";
import { WorldMaps } from "./world-maps";

// Each packet as [name, unit id, dyes when it is ServerMountDyes].
function viewer() {
  const got: OutgoingPacket[] = [];
  return {
    deliver: (p: OutgoingPacket) => void got.push(p),
    take: () =>
      got.splice(0).map((p) => {
        const v = p.value as { unitId: number; dyes?: number[] };
        return p.def.name === "ServerMountDyes" ? [p.def.name, v.unitId, v.dyes] : [p.def.name, v.unitId];
      }),
  };
}
const look = (characterId: number) => ({ characterId, realmId: 1, name: `P${characterId}`, race: 1, class: 1, sex: 0, faction: 166, level: 3, titleId: 0 });
const mount = (dyes: number[] | undefined, collectibleId = 1001): CompanionSpec => ({
  role: "mount",
  collectibleType: "mount",
  collectibleId,
  creatureId: 61001,
  unitVehicleId: 101,
  name: "",
  faction: 166,
  speed: 1.5,
  flairDisplayIds: [0, 0, 0, 0],
  ...(dyes ? { dyes } : {}),
  level: 1,
});

function setup() {
  let now = 1_000;
  const maps = new WorldMaps({ now: () => now }, { maxSpeed: 1_000, burstSeconds: 1 }, buildGameData({}));
  const enter = (id: number, x: number) => {
    const v = viewer();
    const unit = maps.enter({ worldId: 870, zoneId: 1, look: look(id), viewer: v, movement: standingAt({ x, y: 0, z: 0 }, 0) });
    return { v, unit };
  };
  const walk = (characterId: number, x: number) => {
    now += 1_000;
    return maps.move(characterId, [{ command: ENTITY_COMMAND.SetPosition, position: { x, y: 0, z: 0 }, blend: false }]);
  };
  return { maps, enter, walk };
}

describe("a mount's dyes for those who see it (ServerMountDyes)", () => {
  it("follow the mount's create on summon, for the rider and every viewer, and only when it is dyed", () => {
    const { maps, enter } = setup();
    const a = enter(1, 0);
    const b = enter(2, 50);
    const far = enter(3, 500);
    for (const p of [a, b, far]) p.v.take();
    const dyed = maps.summon(1, mount([7, 0, 12]))!;
    for (const p of [a, b])
      expect(p.v.take()).toEqual([
        ["ServerEntityCreate", dyed.id],
        ["ServerMountDyes", dyed.id, [7, 0, 12]],
      ]);
    expect(far.v.take()).toEqual([]);
    maps.dismiss(1, "mount");
    b.v.take();
    const plain = maps.summon(1, mount([0, 0, 0]))!;
    expect(b.v.take()).toEqual([["ServerEntityCreate", plain.id]]);
  });

  it("follow its create for a player who enters nearby or walks into range", () => {
    const { maps, enter, walk } = setup();
    enter(1, 0);
    const m = maps.summon(1, mount([3, 4]))!;
    const newcomer = enter(2, 20);
    expect(newcomer.v.take().filter(([, unitId]) => unitId === m.id)).toEqual([
      ["ServerEntityCreate", m.id],
      ["ServerMountDyes", m.id, [3, 4]],
    ]);
    const walker = enter(3, 400);
    walker.v.take();
    expect(walk(3, 30)).toEqual({ ok: true });
    maps.tick();
    expect(walker.v.take().filter(([, unitId]) => unitId === m.id)).toEqual([
      ["ServerEntityCreate", m.id],
      ["ServerMountDyes", m.id, [3, 4]],
    ]);
  });

  it("recolourMount sends new dyes to the mount's viewers and keeps them for later ones; another mount id changes nothing", () => {
    const { maps, enter } = setup();
    const a = enter(1, 0);
    const b = enter(2, 50);
    const far = enter(3, 500);
    const m = maps.summon(1, mount(undefined))!;
    for (const p of [a, b, far]) p.v.take();
    expect(maps.recolourMount(1, 1002, [9, 9])).toBe(false);
    expect(maps.recolourMount(2, 1001, [9, 9])).toBe(false); // b rides nothing
    expect(b.v.take()).toEqual([]);
    expect(maps.recolourMount(1, 1001, [5, 0])).toBe(true);
    for (const p of [a, b]) expect(p.v.take()).toEqual([["ServerMountDyes", m.id, [5, 0]]]);
    expect(far.v.take()).toEqual([]);
    expect(maps.recolourMount(1, 1001, [0, 0])).toBe(true); // clearing is sent too
    expect(b.v.take()).toEqual([["ServerMountDyes", m.id, [0, 0]]]);
    maps.recolourMount(1, 1001, [6, 1]);
    const later = enter(4, 10);
    expect(later.v.take().filter(([, unitId]) => unitId === m.id)).toEqual([
      ["ServerEntityCreate", m.id],
      ["ServerMountDyes", m.id, [6, 1]],
    ]);
  });
});
