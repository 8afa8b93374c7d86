import { ENTITY_TYPE, PLAYER_CREATE_MONEY_SLOTS } from "@bezgelor/protocol";
import { grantCurrency, getCharacter } from "@bezgelor/db";
import { testActionOptions } from "@bezgelor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

describe("entering the world, the genuine sequence", () => {
  it("loads the world, creates the player's own unit, sends its state, then hands it control", async () => {
    const p = await t.player();
    await grantCurrency(t.db, { ...(await testActionOptions()), currency: "gold", characterId: p.characterId, amount: 4321n, reason: "test", source: "admin" });
    const client = await t.connect();
    await client.login(p);
    const world = await client.enterWorld(p.characterId);
    const names = client.log.map((r) => r.name);
    const from = names.indexOf("ServerChangeWorld");
    expect(names.slice(from, from + 6)).toEqual([
      "ServerChangeWorld",
      "ServerEntityCreate",
      "ServerPlayerChanged",
      "ServerPathLog",
      "ServerInstanceSettings",
      "ServerPlayerCreate",
    ]);
    const entered = names.indexOf("ServerPlayerEnteredWorld");
    expect(names[entered - 1]).toBe("ServerMovementControl");
    // The feature steps follow, as before (titles first).
    expect(names.indexOf("ServerTitles")).toBeGreaterThan(entered);

    const character = await getCharacter(t.db, { characterId: p.characterId });
    expect(world).toMatchObject({ worldId: character.worldId, position: { x: character.positionX, y: character.positionY, z: character.positionZ } });
    const own = client.log.find((r) => r.name === "ServerEntityCreate")!.value as {
      unitId: number;
      entity: { type: number; name?: string; characterId?: bigint };
    };
    expect(own.entity).toMatchObject({ type: ENTITY_TYPE.Player, name: p.characterName, characterId: BigInt(p.characterId) });
    expect(client.unitId).toBe(own.unitId);
    expect(client.log.find((r) => r.name === "ServerMovementControl")?.value).toEqual({ ticket: 1, immediate: true, unitId: own.unitId });
    expect(client.log.find((r) => r.name === "ServerInstanceSettings")?.value).toMatchObject({ clientEntitySendUpdateInterval: 125 });
    // Credits (CurrencyType 1) in slot 0 of the money.
    const money = client.playerCreate!.money;
    expect(money).toHaveLength(PLAYER_CREATE_MONEY_SLOTS);
    expect(money[0]).toBe(4321n);
    expect(money.slice(1).every((m) => m === 0n)).toBe(true);
    expect(client.playerCreate!.inventory).toEqual([]);
  });

  it("gives every unit in a world its own id, and a second session's character is a new unit", async () => {
    const [a, b] = [await t.inWorld(), await t.inWorld()];
    expect(a.client.unitId).toBeGreaterThan(0);
    expect(b.client.unitId).toBeGreaterThan(0);
    expect(a.client.unitId).not.toBe(b.client.unitId);
  });
});
