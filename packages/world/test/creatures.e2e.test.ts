import { ENTITY_CREATE_FLAG, ENTITY_TYPE } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeadlessClient } from "../src/client/headless-client";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

const settle = () => new Promise((r) => setTimeout(r, 150));

/** A new Exile character where the shipped data starts Exile humans (world 426). */
async function atExileStart() {
  const start = t.data.startLocations.for(1, 167)!;
  const who = await t.player({ faction: 167, worldId: start.worldId, position: start.position });
  const entered = await t.inWorld(who);
  return { ...entered, start };
}

/** Walks `client` along x in steps the speed limit allows (50 m/s, 2 s burst), advancing the clock. */
async function walkTo(client: HeadlessClient, x: number) {
  const from = client.position!;
  let at = from.x;
  while (at !== x) {
    t.advance(2_000);
    at = Math.abs(x - at) <= 90 ? x : at + Math.sign(x - at) * 90;
    client.move({ x: at, y: from.y, z: from.z });
    await settle();
  }
}

const spawnsOf = (worldId: number) => t.data.spawns.all().filter((s) => s.worldId === worldId);

describe("creatures and NPCs over TCP", () => {
  it("a new character sees the creatures, vendors and mailbox placed at its start, with their health and flags", async () => {
    const { client, start } = await atExileStart();
    const expected = spawnsOf(start.worldId);
    await client.waitFor("ServerEntityCreate", () => [...client.units.values()].filter((u) => u.creatureId !== undefined).length === expected.length);
    const npcs = [...client.units.values()].filter((u) => u.creatureId !== undefined);
    expect(npcs.map((u) => u.creatureId).sort()).toEqual(expected.map((s) => s.creatureId).sort());
    for (const spawn of expected) {
      const unit = npcs.find((u) => u.creatureId === spawn.creatureId && u.position.x === Math.fround(spawn.position.x));
      expect(unit, `spawn ${spawn.id}`).toBeDefined();
      if (spawn.type === "mailbox") expect(unit).toMatchObject({ type: ENTITY_TYPE.MailBox, createFlags: ENTITY_CREATE_FLAG.None });
      else if (spawn.vendorId !== undefined) expect(unit).toMatchObject({ type: ENTITY_TYPE.NonPlayer, createFlags: ENTITY_CREATE_FLAG.Vendor });
      else expect(unit).toMatchObject({ type: ENTITY_TYPE.NonPlayer, createFlags: ENTITY_CREATE_FLAG.None });
    }
    const girrok = client.log.find(
      (p) => p.name === "ServerEntityCreate" && p.value.entity.type === ENTITY_TYPE.NonPlayer && p.value.entity.creatureId === 12347,
    );
    expect(girrok?.name === "ServerEntityCreate" && girrok.value.stats.find((s) => s.stat === 0)?.value.value).toBe(t.data.creatures.require(12347).health);
    await client.close();
  });

  it("creates them for a player who walks into range and destroys them when it walks away", async () => {
    const { client, start } = await atExileStart();
    const expected = spawnsOf(start.worldId).length;
    await client.waitFor("ServerEntityCreate", () => [...client.units.values()].filter((u) => u.creatureId !== undefined).length === expected);
    await walkTo(client, start.position.x - 300);
    t.tick();
    await client.waitFor("ServerEntityDestroy", () => [...client.units.values()].every((u) => u.creatureId === undefined));
    await walkTo(client, start.position.x);
    t.tick();
    await client.waitFor("ServerEntityCreate", () => [...client.units.values()].filter((u) => u.creatureId !== undefined).length === expected);
    await client.close();
  });
});
