// Issue 14 over TCP: a quest's and an achievement's mounts and pets reach the player exactly as a
// bought mount does: the summon's ability item and ServerSpellUpdate, then ServerUnlockMount, and
// ServerUnlockVanityPet for a vanity pet; the quest's mount can then be summoned from the Ability bag.
import { getCharacterCollection } from "@bezgelor/db";
import { ClientQuestAccept, ClientQuestComplete, ENTITY_TYPE, INVENTORY_LOCATION, QUEST_STATE } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { characterAbilities } from "../src/game/spells";
import { gm } from "./support/gm";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

const NO_ITEM = { location: 300, bagIndex: 0 };

describe("mounts and pets granted by play", () => {
  it("completing quest 5002 sends Grinder's ability item, spell and ServerUnlockMount, and Skug Hatchling's ServerUnlockVanityPet", async () => {
    const { player, client } = await t.inWorld(await t.player());
    client.send(ClientQuestAccept, { itemLocation: NO_ITEM, questId: 5002 });
    expect(await client.waitFor("ServerQuestStateChange")).toEqual({ questId: 5002, state: QUEST_STATE.Accepted, randomResultId: 0 });
    client.send(ClientQuestComplete, { questId: 5002, rewardSelection: 0, isCommunique: false });
    expect(await client.waitFor("ServerQuestStateChange")).toEqual({ questId: 5002, state: QUEST_STATE.Completed, randomResultId: 0 });
    const grinder = characterAbilities(t.data).find((a) => a.spell.id === 50201);
    expect(grinder).toBeDefined();
    const item = await client.waitFor("ServerItemAdd", (v) => v.inventoryItem.item.itemId === 50201);
    expect(item.inventoryItem.item.location).toEqual({ location: INVENTORY_LOCATION.Ability, bagIndex: grinder!.bagIndex });
    expect(await client.waitFor("ServerSpellUpdate")).toEqual({ spell4BaseId: 50201, tierIndex: 1, specIndex: 0, activated: true });
    expect(await client.waitFor("ServerUnlockMount")).toEqual({ spell4Id: 61201 });
    expect(await client.waitFor("ServerUnlockVanityPet")).toEqual({ spell4Id: 62002 });
    expect((await getCharacterCollection(t.db, { characterId: player.characterId })).map((e) => [e.collectibleType, e.collectibleId, e.unlockSource])).toEqual([
      ["mount", 1003, "quest"],
      ["pet", 2002, "quest"],
      ["vanity_pet", 3002, "quest"],
    ]);
    client.cast(grinder!.bagIndex);
    const mount = await client.waitFor("ServerEntityCreate", (v) => v.entity.type === ENTITY_TYPE.Mount);
    expect(mount.entity).toMatchObject({ creatureId: 61201, unitVehicleId: 103 });
    await client.close();
  });

  it("earning achievement 500 sends Trask's ability item, spell and ServerUnlockMount once; earning it again sends nothing", async () => {
    const { client } = await t.inWorld(await t.player({ role: "gm" }));
    expect((await gm(client, "!achievement 500")).reply).toContain("granted achievement 500");
    await client.waitFor("ServerItemAdd", (v) => v.inventoryItem.item.itemId === 50002);
    expect(await client.waitFor("ServerSpellUpdate")).toEqual({ spell4BaseId: 50002, tierIndex: 1, specIndex: 0, activated: true });
    expect(await client.waitFor("ServerUnlockMount")).toEqual({ spell4Id: 61002 });
    expect((await gm(client, "!achievement 500")).reply).toBe("already has achievement 500");
    expect(client.pending("ServerUnlockMount")).toEqual([]);
    await client.close();
  });
});
