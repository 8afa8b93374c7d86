import { buildGameData } from "@bezgelor/data";
import { describe, expect, it } from "vitest";
import type { OutgoingPacket } from "../server/outgoing";
import { selectTarget, strike } from "./combat";
import { standingAt } from "./movement";
import { WorldMaps } from "./world-maps";

function viewer() {
  const got: OutgoingPacket[] = [];
  return {
    deliver: (p: OutgoingPacket) => void got.push(p),
    take: () => got.splice(0).map((p) => [p.def.name, p.value] as const),
  };
}

const look = (characterId: number) => ({ characterId, realmId: 1, name: `P${characterId}`, race: 1, class: 1, sex: 0, faction: 166, level: 3, titleId: 0 });

/** A Girrok (900 health, respawning after 60 s) at x 60 on world 870. */
const data = buildGameData({
  creatures: [{ id: 12347, name: "Feral Girrok", level: 8, health: 900, rewards: {} }],
  spawns: [{ id: 1, creatureId: 12347, worldId: 870, position: { x: 60, y: 0, z: 0 }, yaw: 0, respawnSeconds: 60 }],
});

function setup() {
  let now = 1_000;
  const maps = new WorldMaps({ now: () => now }, { maxSpeed: 50, burstSeconds: 2 }, data);
  const enter = (id: number, x: number) => {
    const v = viewer();
    const unit = maps.enter({ worldId: 870, zoneId: 1, look: look(id), viewer: v, movement: standingAt({ x, y: 0, z: 0 }, 0) });
    return { v, unit };
  };
  const map = () => maps.map(870)!;
  const girrok = () => [...map().all()].find((u) => u.kind === "npc")!;
  return { maps, enter, map, girrok, advance: (ms: number) => (now += ms), now: () => now };
}

describe("targeting and combat on a map", () => {
  it("a target is a unit the player sees (or 0); those who see the player are told, not the player", () => {
    const { enter, map, girrok } = setup();
    const a = enter(1, 50);
    const b = enter(2, 40);
    a.v.take();
    b.v.take();
    const g = girrok();
    if (g.kind !== "npc") throw new Error("no girrok");
    expect(selectTarget(map(), a.unit, 9999)).toBe(false);
    expect(selectTarget(map(), a.unit, g.id)).toBe(true);
    expect(a.v.take()).toEqual([]);
    expect(b.v.take()).toEqual([["ServerEntityTargetUnit", { unitId: a.unit.id, newTargetId: g.id, threatLevel: 0 }]]);
    expect(a.unit.targetId).toBe(g.id);
  });

  it("one who comes into sight of a creature in combat, or of a dead one, is told so after its create", () => {
    const { enter, map, girrok, maps, advance, now } = setup();
    const a = enter(1, 58);
    const g = girrok();
    if (g.kind !== "npc") throw new Error("no girrok");
    strike(map(), a.unit, g, 100, now());
    const late = enter(2, 50);
    const told = late.v.take().filter(([name]) => name !== "ServerEntityCreate" && name !== "ServerPlayerChanged");
    expect(told).toEqual([
      ["ServerUnitEnteredCombat", { unitId: g.id, inCombat: true }],
      ["ServerUnitEnteredCombat", { unitId: a.unit.id, inCombat: true }],
    ]);
    expect(strike(map(), a.unit, g, 1000, now())).toEqual({ health: 0, dealt: 800, overkill: 200, killed: true });
    advance(1_000);
    maps.tick();
    const after = enter(3, 45);
    expect(after.v.take().filter(([name]) => name === "ServerEntityDeathState")).toEqual([
      ["ServerEntityDeathState", { unitId: g.id, dead: true, reason: 0, rezHealth: 0 }],
    ]);
  });

  it("a player who leaves the map no longer counts as an attacker of the creature it fought", () => {
    const { enter, map, girrok, maps, now } = setup();
    const a = enter(1, 58);
    const g = girrok();
    if (g.kind !== "npc") throw new Error("no girrok");
    strike(map(), a.unit, g, 100, now());
    expect([...g.combat!.attackers]).toEqual([a.unit.id]);
    enter(2, 0);
    maps.leave(1);
    expect([...g.combat!.attackers]).toEqual([]);
  });

  it("a kill stays dead when its only player leaves and comes back before the respawn time, and respawns after", () => {
    const { enter, map, girrok, maps, advance, now } = setup();
    const a = enter(1, 58);
    const g = girrok();
    if (g.kind !== "npc") throw new Error("no girrok");
    expect(strike(map(), a.unit, g, 1000, now()).killed).toBe(true);
    maps.leave(1);
    advance(10_000);
    maps.tick();
    const back = enter(1, 58);
    expect(girrok()).toBe(g);
    expect(g.diedAt).toBeDefined();
    expect(back.v.take().filter(([name]) => name === "ServerEntityDeathState")).toEqual([
      ["ServerEntityDeathState", { unitId: g.id, dead: true, reason: 0, rezHealth: 0 }],
    ]);
    maps.leave(1);
    advance(51_000);
    maps.tick();
    const alive = girrok();
    if (alive.kind !== "npc") throw new Error("no girrok");
    expect(alive.diedAt).toBeUndefined();
    expect(alive.health).toBe(900);
    const later = enter(1, 58);
    expect(later.v.take().filter(([name]) => name === "ServerEntityDeathState")).toEqual([]);
  });
});
