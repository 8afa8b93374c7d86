import { getGold, getItemCount, grantCurrency } from "@bezgelor/db";
import { testActionOptions } from "@bezgelor/db/testing";
import { ClientEntityInteract, ClientVendorPurchase, ENTITY_CREATE_FLAG, ENTITY_TYPE, INTERACTION_EVENT, Opcode } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeadlessClient } from "../src/client/headless-client";
import { resultCodeName } from "../src/server/result-codes";
import { nearVendor, openVendor, vendorUnit } from "./support/vendors";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

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
    // The server must take this step at this time before the clock moves on: a fixed wait was not
    // always enough on a loaded machine, and two steps taken at one time exceed the speed limit.
    await t.steppedTo(client, at);
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
    await t.tick();
    await client.waitFor("ServerEntityDestroy", () => [...client.units.values()].every((u) => u.creatureId === undefined));
    await walkTo(client, start.position.x);
    await t.tick();
    await client.waitFor("ServerEntityCreate", () => [...client.units.values()].filter((u) => u.creatureId !== undefined).length === expected);
    await client.close();
  });
});

async function refusal(client: HeadlessClient) {
  const r = await client.waitFor("ServerRequestResult");
  return { code: resultCodeName(r.code), message: r.message, requestOpcode: r.requestOpcode };
}

describe("interacting with units over TCP", () => {
  it("event 49 on a vendor in range opens it with ServerVendorItemsUpdated; its stock entry ids buy", async () => {
    const { client } = await t.inWorld(await t.player(nearVendor(t.data, 8003)));
    const unitId = await openVendor(client, t.data, 8003);
    const window = await client.waitFor("ServerVendorItemsUpdated");
    expect(window).toMatchObject({ unitId, categories: [], sellPriceMultiplier: 1, buyPriceMultiplier: 1, unknown2: true, unknown3: true, unknown4: false });
    expect(window.items.map((i) => [i.stockUniqueId, i.itemType, i.itemId])).toEqual([
      [1, 0, 30010],
      [2, 0, 30011],
    ]);
    expect((await client.waitFor("ServerVendorItems")).items.map((i) => i.price)).toEqual([50n, 20n]);
    // No gold: the purchase reaches the action, which refuses it.
    client.send(ClientVendorPurchase, { stockUniqueId: 2, purchaseQuantity: 1 });
    expect((await refusal(client)).code).toBe("INSUFFICIENT_FUNDS");
    await client.close();
  });

  it("refuses a unit that does not exist, one out of range, and a vendor event on a non-vendor, each with a log line; nothing opens", async () => {
    const { client } = await atExileStart();
    // The Girrok stands ~40 m away: seen, but out of reach.
    const girrok = await client.waitFor("ServerEntityCreate", (v) => v.entity.type === ENTITY_TYPE.NonPlayer && v.entity.creatureId === 12347);
    client.send(ClientEntityInteract, { unitId: 999_999, event: INTERACTION_EVENT.Vendor });
    const missing = await refusal(client);
    expect(missing).toMatchObject({ code: "NOT_FOUND", requestOpcode: Opcode.ClientEntityInteract });
    expect(missing.message).toContain("no unit 999999");
    client.send(ClientEntityInteract, { unitId: girrok.unitId, event: INTERACTION_EVENT.Vendor });
    const far = await refusal(client);
    expect(far.code).toBe("NOT_AVAILABLE");
    expect(far.message).toMatch(/out of range \(\d+ m, at most 15 m\)/);
    // The trader (8003) is in reach, but its unit is no mailbox; the quartermaster's window needs standing.
    const trader = await vendorUnit(client, t.data, 8003);
    client.send(ClientEntityInteract, { unitId: trader, event: INTERACTION_EVENT.Mailbox });
    expect((await refusal(client)).message).toContain("is not a mailbox");
    const logged = (text: string) => t.logs.filter((l) => JSON.stringify(l).includes(text));
    expect(logged("no unit 999999 in sight")).not.toEqual([]);
    expect(logged(`unit ${girrok.unitId} is out of range`)).not.toEqual([]);
    // Nothing was opened: a purchase has no vendor.
    client.send(ClientVendorPurchase, { stockUniqueId: 1, purchaseQuantity: 1 });
    expect((await refusal(client)).code).toBe("NOT_AVAILABLE");
    expect(client.pending("ServerVendorItemsUpdated")).toEqual([]);
    await client.close();
  });

  it("a vendor walked away from is out of reach", async () => {
    const { client, start } = await atExileStart();
    const trader = await vendorUnit(client, t.data, 8003);
    await walkTo(client, start.position.x - 60);
    client.send(ClientEntityInteract, { unitId: trader, event: INTERACTION_EVENT.Vendor });
    expect((await refusal(client)).code).toBe("NOT_AVAILABLE");
    await client.close();
  });

  it("an open vendor walked away from sells nothing: each purchase checks the reach again, and the vendor is closed", async () => {
    const { client, player, start } = await atExileStart();
    await grantCurrency(t.db, {
      ...(await testActionOptions()),
      currency: "gold",
      characterId: player.characterId,
      amount: 1000n,
      reason: "test",
      source: "admin",
    });
    const trader = await openVendor(client, t.data, 8003);
    expect(await client.waitFor("ServerVendorItemsUpdated")).toMatchObject({ unitId: trader });
    await walkTo(client, start.position.x - 200);
    client.send(ClientVendorPurchase, { stockUniqueId: 1, purchaseQuantity: 1 });
    const far = await refusal(client);
    expect(far).toMatchObject({ code: "NOT_AVAILABLE", requestOpcode: Opcode.ClientVendorPurchase });
    // Out of range, or (once the world's step has run) out of sight altogether: 200 m is past both.
    expect(far.message).toMatch(
      new RegExp(`^vendor 8003 \\(unit ${trader}\\) (is out of range \\(\\d+ m, at most 15 m\\)|is no longer in sight); its window is closed$`),
    );
    expect(t.logged("vendor closed: out of reach").at(-1)).toMatchObject({
      vendorId: 8003,
      unitId: trader,
      reason: expect.stringMatching(/out-of-range|no-such-unit/),
    });
    expect(await getGold(t.db, { characterId: player.characterId })).toBe(1000n);
    expect(await getItemCount(t.db, { characterId: player.characterId, itemId: 30010 })).toBe(0);

    // Back in reach, the vendor stays closed until it is opened again.
    await walkTo(client, start.position.x);
    client.send(ClientVendorPurchase, { stockUniqueId: 1, purchaseQuantity: 1 });
    expect(await refusal(client)).toMatchObject({ code: "NOT_AVAILABLE", message: "no vendor is open" });
    await openVendor(client, t.data, 8003);
    await client.waitFor("ServerVendorItemsUpdated");
    client.send(ClientVendorPurchase, { stockUniqueId: 1, purchaseQuantity: 1 });
    expect(await client.waitFor("ServerInventoryUpdate")).toEqual({ itemId: 30010, count: 1 });
    expect(await getGold(t.db, { characterId: player.characterId })).toBe(950n);
    await client.close();
  });
});
