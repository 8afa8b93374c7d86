// Issue 14 over TCP: other players see a mount's dyes (extension ServerMountDyes right after the
// mount's ServerEntityCreate) when it is summoned, when it comes into their range, and when its
// rider changes a dye.
import { ClientMountDye, ENTITY_TYPE } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeadlessClient } from "../src/client/headless-client";
import { gm } from "./support/gm";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

const settle = () => new Promise((r) => setTimeout(r, 150));

const ok = async (client: HeadlessClient, command: string) => {
  const outcome = await gm(client, command);
  expect(outcome.refused, `${command}: ${outcome.message}`).toBeUndefined();
};

/** Walks `client` to x in steps the speed limit (50 m/s, 2 s burst) allows, advancing the clock. */
async function walkTo(client: HeadlessClient, x: number) {
  let at = client.position!.x;
  while (at !== x) {
    t.advance(2_000);
    at = Math.abs(x - at) <= 90 ? x : at + Math.sign(x - at) * 90;
    client.move({ x: at, y: 0, z: 0 });
    await settle();
  }
}

/** The packet `client` received right after the ServerEntityCreate of unit `unitId`. */
function nextAfterCreate(client: HeadlessClient, unitId: number) {
  const at = client.log.findLastIndex((p) => p.name === "ServerEntityCreate" && p.value.unitId === unitId);
  return at < 0 ? undefined : client.log[at + 1];
}

describe("mount dyes seen by others", () => {
  it("the other client gets the dyes after the mount's create on summon, on coming into range, and on each change", async () => {
    const rider = await t.inWorld(await t.player({ role: "gm" }));
    const other = await t.inWorld(await t.player());
    await rider.client.waitFor("ServerEntityCreate", (v) => v.unitId === other.client.unitId);
    const a = rider.client;
    const b = other.client;
    await ok(a, "!mount unlock 1001");
    await a.waitFor("ServerUnlockMount");
    a.send(ClientMountDye, { spell4Id: 61001, channel: 0, dyeId: 7 });
    await a.waitFor("ServerMountCustomisation", (v) => v.dyes[0] === 7);
    await settle();
    expect(b.pending("ServerMountDyes")).toEqual([]); // not summoned yet

    // Summoned: the dyes right after the mount's create, for the other and the rider.
    await ok(a, "!mount summon 1001");
    const seen = await b.waitFor("ServerEntityCreate", (v) => v.entity.type === ENTITY_TYPE.Mount);
    expect(await b.waitFor("ServerMountDyes")).toEqual({ unitId: seen.unitId, dyes: [7, 0, 0] });
    expect(nextAfterCreate(b, seen.unitId)).toMatchObject({ name: "ServerMountDyes" });
    expect(await a.waitFor("ServerMountDyes")).toEqual({ unitId: seen.unitId, dyes: [7, 0, 0] });
    expect(nextAfterCreate(a, seen.unitId)).toMatchObject({ name: "ServerMountDyes" });

    // Changed while summoned: everyone who sees the mount gets the new dyes.
    a.send(ClientMountDye, { spell4Id: 61001, channel: 2, dyeId: 9 });
    expect(await b.waitFor("ServerMountDyes")).toEqual({ unitId: seen.unitId, dyes: [7, 0, 9] });
    expect(await a.waitFor("ServerMountDyes")).toEqual({ unitId: seen.unitId, dyes: [7, 0, 9] });

    // A player far away sees nothing until it walks into range, then the mount and its current dyes.
    const far = await t.inWorld(await t.player({ position: { x: 300, y: 0, z: 0 } }));
    await settle();
    expect([...far.client.units.values()].filter((u) => u.type === ENTITY_TYPE.Mount)).toEqual([]);
    await walkTo(far.client, 20);
    await t.tick();
    await far.client.waitFor("ServerEntityCreate", (v) => v.unitId === seen.unitId);
    expect(await far.client.waitFor("ServerMountDyes")).toEqual({ unitId: seen.unitId, dyes: [7, 0, 9] });
    expect(nextAfterCreate(far.client, seen.unitId)).toMatchObject({ name: "ServerMountDyes" });

    // Clearing a channel is sent too; a dye of a mount not summoned reaches only its owner.
    a.send(ClientMountDye, { spell4Id: 61001, channel: 0, dyeId: 0 });
    for (const viewer of [far.client, b]) expect(await viewer.waitFor("ServerMountDyes")).toEqual({ unitId: seen.unitId, dyes: [0, 0, 9] });
    await ok(a, "!mount unlock 1101");
    a.send(ClientMountDye, { spell4Id: 61101, channel: 0, dyeId: 3 });
    await a.waitFor("ServerMountCustomisation", (v) => v.mountId === 1101);
    await settle();
    expect(b.pending("ServerMountDyes")).toEqual([]);
    await Promise.all([a.close(), b.close(), far.client.close()]);
  });
});
