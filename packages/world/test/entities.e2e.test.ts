import { getCharacter } from "@bezgelor/db";
import { ClientZoneChange, ENTITY_COMMAND, ENTITY_TYPE } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeadlessClient } from "../src/client/headless-client";
import { resultCodeName } from "../src/server/result-codes";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

const settle = () => new Promise((r) => setTimeout(r, 150));

/** Two players entered next to each other at the origin of world 426. */
async function pair() {
  const a = await t.inWorld();
  const b = await t.inWorld();
  // A saw B arrive; B was created with A around it.
  await a.client.waitFor("ServerEntityCreate", (v) => v.unitId === b.client.unitId);
  await b.client.waitFor("ServerEntityCreate", (v) => v.unitId === a.client.unitId);
  return { a, b };
}

/** Walks `client` to x in steps the speed limit (50 m/s, 2 s burst) allows, advancing the clock; each step must be accepted. */
async function walkTo(client: HeadlessClient, x: number) {
  let at = client.position!.x;
  while (at !== x) {
    t.advance(2_000);
    at = Math.abs(x - at) <= 90 ? x : at + Math.sign(x - at) * 90;
    client.move({ x: at, y: 0, z: 0 });
    // The server must take this step at this time before the clock moves on: a fixed wait was not
    // always enough on a loaded machine, and two steps taken at one time exceed the speed limit.
    await t.steppedTo(client, at);
  }
}

describe("units over TCP", () => {
  it("two players see each other, with their names and unit ids", async () => {
    const { a, b } = await pair();
    const seenByB = b.client.units.get(a.client.unitId!);
    expect(seenByB).toMatchObject({ type: ENTITY_TYPE.Player, name: a.player.characterName, characterId: BigInt(a.player.characterId) });
    expect(a.client.units.get(b.client.unitId!)?.name).toBe(b.player.characterName);
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("relays movement to those who see the mover, not to the mover", async () => {
    const { a, b } = await pair();
    t.advance(1_000);
    a.client.move({ x: 30, y: 0, z: 5 }, 1.25);
    const update = await b.client.waitFor("ServerEntityCommand", (v) => v.unitId === a.client.unitId);
    expect(update.serverControlled).toBe(false);
    expect(update.commands).toContainEqual({ command: ENTITY_COMMAND.SetPosition, position: { x: 30, y: 0, z: 5 }, blend: false });
    expect(update.commands).toContainEqual({ command: ENTITY_COMMAND.SetRotation, rotation: { x: 1.25, y: 0, z: 0 }, blend: false });
    expect(b.client.units.get(a.client.unitId!)?.position).toEqual({ x: 30, y: 0, z: 5 });
    await settle();
    expect(a.client.pending("ServerEntityCommand")).toEqual([]);
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("destroys a player that walked out of range for the other, and creates it again when it walks back", async () => {
    const { a, b } = await pair();
    await walkTo(a.client, 200);
    await t.tick();
    expect(await b.client.waitFor("ServerEntityDestroy", (v) => v.unitId === a.client.unitId)).toMatchObject({ useDeathAnimation: false });
    expect(await a.client.waitFor("ServerEntityDestroy", (v) => v.unitId === b.client.unitId)).toMatchObject({ useDeathAnimation: false });
    expect(b.client.units.has(a.client.unitId!)).toBe(false);
    // Out of sight, its movement is no longer relayed.
    const relayed = b.client.pending("ServerEntityCommand").length;
    t.advance(1_000);
    a.client.move({ x: 210, y: 0, z: 0 });
    await settle();
    expect(b.client.pending("ServerEntityCommand")).toHaveLength(relayed);

    await walkTo(a.client, 100);
    await t.tick();
    // Created where it came back into range (the timer may step mid-walk), then followed to 100.
    const again = await b.client.waitFor("ServerEntityCreate", (v) => v.unitId === a.client.unitId);
    const at = again.commands.find((c) => c.command === ENTITY_COMMAND.SetPosition);
    expect(at && "position" in at ? at.position.x : NaN).toBeLessThan(128);
    await a.client.waitFor("ServerEntityCreate", (v) => v.unitId === b.client.unitId);
    expect(b.client.units.get(a.client.unitId!)?.position).toEqual({ x: 100, y: 0, z: 0 });
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("refuses movement out of bounds, too fast, not a number or onto an unseen unit, and the others never hear of it", async () => {
    const { a, b } = await pair();
    const refused = async (commands: Parameters<HeadlessClient["sendCommands"]>[0]) => {
      a.client.sendCommands(commands);
      const r = await a.client.waitFor("ServerRequestResult");
      return { code: resultCodeName(r.code), message: r.message };
    };
    t.advance(1_000);
    expect(await refused([{ command: ENTITY_COMMAND.SetPosition, position: { x: 5000, y: 0, z: 0 }, blend: false }])).toEqual({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/movement refused: moved 5000.0 m/) as string,
    });
    expect((await refused([{ command: ENTITY_COMMAND.SetPosition, position: { x: Number.NaN, y: 0, z: 0 }, blend: false }])).message).toMatch(/not a number/);
    expect((await refused([{ command: ENTITY_COMMAND.SetPosition, position: { x: 0, y: 0, z: 40000 }, blend: false }])).message).toMatch(/outside the world/);
    expect((await refused([{ command: ENTITY_COMMAND.SetPlatform, unitId: 999_999 }])).message).toMatch(/platform 999999/);
    expect((await refused([{ command: ENTITY_COMMAND.SetVelocity, velocity: { x: 65504, y: 0, z: 0 }, blend: false }])).message).toMatch(/velocity/);
    await settle();
    expect(b.client.pending("ServerEntityCommand")).toEqual([]);
    expect(t.world.services.world.unitOf(a.player.characterId)?.movement.position).toEqual({ x: 0, y: 0, z: 0 });
    expect(t.logged("refused: movement refused").length).toBeGreaterThanOrEqual(5);
    // The session goes on, and a sane move still works.
    a.client.move({ x: 10, y: 0, z: 0 });
    await b.client.waitFor("ServerEntityCommand", (v) => v.unitId === a.client.unitId);
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("moves only the sender's own unit: the packet names none, and another player's unit cannot be ridden unseen", async () => {
    const { a, b } = await pair();
    t.advance(1_000);
    b.client.move({ x: -20, y: 0, z: 0 });
    await a.client.waitFor("ServerEntityCommand", (v) => v.unitId === b.client.unitId);
    expect(t.world.services.world.unitOf(a.player.characterId)?.movement.position).toEqual({ x: 0, y: 0, z: 0 });
    expect(t.world.services.world.unitOf(b.player.characterId)?.movement.position).toEqual({ x: -20, y: 0, z: 0 });
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("saves where a player stood when it leaves, destroys it for the others, and puts it back there on login", async () => {
    const { a, b } = await pair();
    await walkTo(a.client, 60);
    await a.client.close();
    // Leaving is not dying: no death animation.
    expect(await b.client.waitFor("ServerEntityDestroy", (v) => v.unitId === a.client.unitId)).toEqual({ unitId: a.client.unitId, useDeathAnimation: false });
    await expect.poll(async () => (await getCharacter(t.db, { characterId: a.player.characterId })).positionX).toBe(60);
    const again = await t.connect();
    await again.login(a.player);
    const world = await again.enterWorld(a.player.characterId);
    expect(world.position).toEqual({ x: 60, y: 0, z: 0 });
    expect(again.position).toEqual({ x: 60, y: 0, z: 0 });
    await b.client.waitFor("ServerEntityCreate", (v) => v.unitId === again.unitId);
    await Promise.all([again.close(), b.client.close()]);
  });

  it("takes the zone the client reports as the character's zone: zone chat and the saved place follow", async () => {
    const { a, b } = await pair();
    a.client.send(ClientZoneChange, { previousZoneId: 1, newZoneId: 77 });
    await expect.poll(() => t.world.services.presence.get(a.player.characterId)?.zoneId).toBe(77);
    expect(t.world.services.presence.get(b.player.characterId)?.zoneId).toBe(1);
    await a.client.close();
    await expect.poll(async () => (await getCharacter(t.db, { characterId: a.player.characterId })).zoneId).toBe(77);
    await b.client.close();
  });
});
