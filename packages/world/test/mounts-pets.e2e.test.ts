// Issue 14 over TCP with two clients: the collection on entering, mounts summoned and seen by
// others with their flair and speed, flair in valid and invalid slots (genuine failure codes),
// customisation kept across mount switches, vanity pets seen by others, pet XP from kills kept
// across pet switches, and unowned mounts and pets refused.
import { storeCatalogOf } from "@bezgelor/data";
import { getAccountCollection, grantCurrency, importStoreCatalog, listCharacterPets, listMountCustomizations } from "@bezgelor/db";
import { testActionOptions } from "@bezgelor/db/testing";
import {
  CAST_RESULT,
  INVENTORY_LOCATION,
  ClientMountDye,
  ClientMountUpgrade,
  ClientPetCustomisation,
  ClientPetNickname,
  ClientSummonVanityPet,
  ClientVanityPetDismiss,
  ClientVehicleDisembark,
  ENTITY_TYPE,
  PET_NICKNAME_KIND,
  PROPERTY,
} from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultCodeName } from "../src/server/result-codes";
import { gm } from "./support/gm";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
  await importStoreCatalog(t.db, { catalog: storeCatalogOf(t.data) });
});
afterAll(() => t.close());

const settle = () => new Promise((r) => setTimeout(r, 150));

/** Two GM players next to each other at the origin, each seeing the other. */
async function pair() {
  const a = await t.inWorld(await t.player({ role: "gm" }));
  const b = await t.inWorld(await t.player({ role: "gm" }));
  await a.client.waitFor("ServerEntityCreate", (v) => v.unitId === b.client.unitId);
  await b.client.waitFor("ServerEntityCreate", (v) => v.unitId === a.client.unitId);
  return { a, b };
}

type Client = Awaited<ReturnType<typeof pair>>["a"]["client"];
const ok = async (client: Client, command: string) => {
  const outcome = await gm(client, command);
  expect(outcome.refused, `${command}: ${outcome.message}`).toBeUndefined();
  return outcome.reply ?? "";
};
const mountOf = (client: Client, ownerUnit: number, creatureId?: number) =>
  client.waitFor(
    "ServerEntityCreate",
    (v) =>
      v.entity.type === ENTITY_TYPE.Mount &&
      "ownerId" in v.entity &&
      v.entity.ownerId === ownerUnit &&
      (creatureId === undefined || v.entity.creatureId === creatureId),
  );

describe("mounts over TCP", () => {
  it("a mount bought in the store is unlocked (ServerUnlockMount), summoned, and seen with its rider by the other", async () => {
    const { a, b } = await pair();
    const opts = await testActionOptions({ actor: { kind: "admin", name: "test" } });
    await grantCurrency(t.db, { ...opts, currency: "premium", accountId: a.player.accountId, amount: 500n, reason: "test funds", source: "admin" });
    await a.client.waitFor("ServerAccountCurrencySet");
    expect(await a.client.buy({ offerId: 101, currencyId: 11, price: 500, transactionId: 1, categoryId: 1 })).toMatchObject({ success: true });
    await expect(a.client.waitFor("ServerUnlockMount")).resolves.toEqual({ spell4Id: 61001 });
    await ok(a.client, "!mount summon 1001");
    const seen = await mountOf(b.client, a.client.unitId!, 61001);
    expect(seen.entity).toMatchObject({ passengers: [{ seatType: 0, seatPosition: 0, unitId: a.client.unitId }] });
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("an unlock sends the genuine ServerUnlockMount; summoning seats the rider, and the other sees the mount, its rider and speed", async () => {
    const { a, b } = await pair();
    await ok(a.client, "!mount unlock 1001");
    await expect(a.client.waitFor("ServerUnlockMount")).resolves.toEqual({ spell4Id: 61001 });
    const reply = await ok(a.client, "!mount summon 1001");
    expect(reply).toContain("speed 1.5");
    const seen = await mountOf(b.client, a.client.unitId!);
    expect(seen.entity).toMatchObject({ creatureId: 61001, unitVehicleId: 101, passengers: [{ seatType: 0, seatPosition: 0, unitId: a.client.unitId }] });
    expect(seen.properties).toContainEqual({ property: PROPERTY.MoveSpeedMultiplier, baseValue: 1, value: 1.5 });
    await expect(b.client.waitFor("ServerVehiclePassengerAdd")).resolves.toEqual({
      vehicle: seen.unitId,
      seatType: 0,
      seatPosition: 0,
      unitId: a.client.unitId,
    });
    await expect(a.client.waitFor("Server089B")).resolves.toEqual({ self: a.client.unitId, vehicle: seen.unitId, seatType: 0, seatPosition: 0 });

    a.client.send(ClientVehicleDisembark, {});
    await expect(b.client.waitFor("ServerVehiclePassengerRemove")).resolves.toEqual({ vehicle: seen.unitId, passenger: a.client.unitId });
    await b.client.waitFor("ServerEntityDestroy", (v) => v.unitId === seen.unitId);
    // Sent again (the client does when switching mounts): ignored.
    a.client.send(ClientVehicleDisembark, {});
    await settle();
    expect(a.client.pending("ServerRequestResult")).toEqual([]);
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("sets flair in a slot the mount has; an invalid slot or locked flair gets the genuine failure and changes nothing", async () => {
    const { a, b } = await pair();
    await ok(a.client, "!mount unlock 1001");
    await ok(a.client, "!mount flair 201");
    await a.client.waitFor("ServerUnlockPetFlair", (v) => v.petFlairId === 201);
    a.client.send(ClientPetCustomisation, { petType: 1, petObjectId: 61001, flairSlotIndex: 0, flairId: 201 });
    const set = await a.client.waitFor("ServerPetCustomisation");
    expect(set.customisation).toEqual({ petType: 1, petObjectId: 61001, petName: "", slotFlairIds: [201, 0, 0, 0] });

    a.client.send(ClientPetCustomisation, { petType: 1, petObjectId: 61001, flairSlotIndex: 3, flairId: 201 });
    await expect(a.client.waitFor("ServerPetCustomisationFailed")).resolves.toEqual({
      reason: 6,
      petType: 1,
      petUnitId: 0,
      flairSlotIndex: 3,
      petFlairId: 201,
    });
    a.client.send(ClientPetCustomisation, { petType: 1, petObjectId: 61001, flairSlotIndex: 1, flairId: 202 });
    await expect(a.client.waitFor("ServerPetCustomisationFailed")).resolves.toMatchObject({ reason: 1 }); // NotUnlocked
    a.client.send(ClientPetCustomisation, { petType: 1, petObjectId: 61002, flairSlotIndex: 0, flairId: 201 });
    await expect(a.client.waitFor("ServerPetCustomisationFailed")).resolves.toMatchObject({ reason: 4 }); // InvalidObject: not owned
    const [stored] = await listMountCustomizations(t.db, { characterId: a.player.characterId });
    expect(stored?.flair).toEqual([201, 0, 0, 0]);

    // The other sees the flair on the mount (item visual MountFront 66).
    await ok(a.client, "!mount summon 1001");
    const seen = await mountOf(b.client, a.client.unitId!);
    expect(seen.visibleItems).toEqual([{ slot: 66, displayId: 7001, colourSetId: 0, dyeData: 0 }]);
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("switching to another mount and back keeps each one's flair, dyes and upgrades", async () => {
    const { a, b } = await pair();
    for (const line of ["!mount unlock 1001", "!mount unlock 1002", "!mount flair 201"]) await ok(a.client, line);
    a.client.send(ClientPetCustomisation, { petType: 1, petObjectId: 61001, flairSlotIndex: 0, flairId: 201 });
    await a.client.waitFor("ServerPetCustomisation");
    a.client.send(ClientMountDye, { spell4Id: 61001, channel: 2, dyeId: 40 });
    await a.client.waitFor("ServerMountCustomisation", (v) => v.dyes[2] === 40);
    a.client.send(ClientMountUpgrade, { spell4Id: 61001, upgrade: "speed_1" });
    await expect(a.client.waitFor("ServerMountCustomisation", (v) => v.upgrades.length === 1)).resolves.toMatchObject({ speed: 1.600000023841858 });
    a.client.send(ClientMountUpgrade, { spell4Id: 61002, upgrade: "speed_1" });
    await a.client.waitFor("ServerMountCustomisation", (v) => v.mountId === 1002);

    await ok(a.client, "!mount summon 1001");
    const first = await mountOf(b.client, a.client.unitId!, 61001);
    await ok(a.client, "!mount summon 1002");
    await b.client.waitFor("ServerEntityDestroy", (v) => v.unitId === first.unitId);
    const other = await mountOf(b.client, a.client.unitId!, 61002);
    expect(other.entity).toMatchObject({ creatureId: 61002 });
    expect(other.visibleItems).toEqual([]);
    t.advance(2000); // the Woolie's summon cooldown, which binds GM summons too
    await ok(a.client, "!mount summon 1001");
    await b.client.waitFor("ServerEntityDestroy", (v) => v.unitId === other.unitId);
    const back = await mountOf(b.client, a.client.unitId!, 61001);
    expect(back.visibleItems).toEqual([{ slot: 66, displayId: 7001, colourSetId: 0, dyeData: 0 }]);
    expect(back.properties).toContainEqual({ property: PROPERTY.MoveSpeedMultiplier, baseValue: 1, value: 1.600000023841858 });

    // And on the next login, the collection and customisations come back.
    await a.client.close();
    const again = await t.inWorld(a.player);
    await expect(again.client.waitFor("ServerCollection")).resolves.toMatchObject({
      mounts: [
        { mountId: 1001, spell4Id: 61001 },
        { mountId: 1002, spell4Id: 61002 },
      ],
    });
    const list = await again.client.waitFor("ServerPetCustomisationList");
    expect(list.customisations.map((c) => c.slotFlairIds)).toEqual([
      [201, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(list.unlockedFlair[1]).toBe(0x20); // flair 201's unlock bit 10, most significant bit first
    await expect(again.client.waitFor("ServerMountCustomisation", (v) => v.mountId === 1001)).resolves.toMatchObject({
      dyes: [0, 0, 40],
      upgrades: ["speed_1"],
    });
    await Promise.all([again.client.close(), b.client.close()]);
  });

  it("refuses a mount not in the collection and a dye channel the mount lacks, changing nothing", async () => {
    const { a, b } = await pair();
    await expect(gm(a.client, "!mount summon 1101")).resolves.toMatchObject({ refused: "NOT_OWNED" });
    // Without an action (or with an unknown one) the command answers with its usage.
    for (const command of ["!mount", "!mount ride 1001"]) {
      await expect(gm(a.client, command)).resolves.toMatchObject({ refused: "INVALID_INPUT", message: expect.stringContaining("usage: !mount unlock|summon") });
    }
    await ok(a.client, "!mount unlock 1002");
    a.client.send(ClientMountDye, { spell4Id: 61002, channel: 2, dyeId: 5 });
    const refused = await a.client.waitFor("ServerRequestResult");
    expect(resultCodeName(refused.code)).toBe("INVALID_INPUT");
    await settle();
    expect([...b.client.units.values()].filter((u) => u.type === ENTITY_TYPE.Mount)).toEqual([]);
    expect(await listMountCustomizations(t.db, { characterId: a.player.characterId })).toEqual([]);
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("casting a mount's summon spell from the Ability bag seats the rider, the other sees both; another mount's spell switches; an unowned mount's spell is refused", async () => {
    const { a, b } = await pair();
    await ok(a.client, "!mount unlock 1001");
    // The unlock teaches the summon: its ability item in the Ability bag (slot 1 of the layout) and the spell, before ServerUnlockMount.
    const item = await a.client.waitFor("ServerItemAdd", (v) => v.inventoryItem.item.itemId === 50001);
    expect(item.inventoryItem.item.location).toEqual({ location: INVENTORY_LOCATION.Ability, bagIndex: 1 });
    expect(await a.client.waitFor("ServerSpellUpdate")).toEqual({ spell4BaseId: 50001, tierIndex: 1, specIndex: 0, activated: true });
    await a.client.waitFor("ServerUnlockMount", (v) => v.spell4Id === 61001);
    await ok(a.client, "!mount unlock 1101");
    await a.client.waitFor("ServerSpellUpdate", (v) => v.spell4BaseId === 50101);
    // The Ability bag: the basic attack at 0, then the mounts' summons by Spell4Base id (Woolie 1, Trask 2, hoverboard 3).
    a.client.cast(1);
    const woolie = await mountOf(b.client, a.client.unitId!, 61001);
    expect(woolie.entity).toMatchObject({ unitVehicleId: 101, passengers: [{ seatType: 0, seatPosition: 0, unitId: a.client.unitId }] });
    await b.client.waitFor("ServerVehiclePassengerAdd", (v) => v.vehicle === woolie.unitId && v.unitId === a.client.unitId);
    await a.client.waitFor("Server089B", (v) => v.vehicle === woolie.unitId);
    // The summon has a 2 s cooldown of its own (spells.json), told to the rider; cast again within it, it is refused.
    expect(await a.client.waitFor("ServerCooldown")).toEqual({ cooldown: { type: 1, spell4Id: 61001, typeId: 61001, timeRemainingMs: 2000 } });
    t.advance(1999);
    a.client.cast(1);
    expect(await a.client.waitFor("ServerSpellCastResult")).toEqual({ unknown0: 0, spell4Id: 61001, castResult: CAST_RESULT.SpellCooldown });
    // Summons are off the global cooldown: another mount's summon goes off at once.
    a.client.cast(3);
    await b.client.waitFor("ServerVehiclePassengerRemove", (v) => v.vehicle === woolie.unitId && v.passenger === a.client.unitId);
    await b.client.waitFor("ServerEntityDestroy", (v) => v.unitId === woolie.unitId);
    const board = await mountOf(b.client, a.client.unitId!, 61101);
    expect(board.entity).toMatchObject({ unitVehicleId: 411, passengers: [{ seatType: 0, seatPosition: 0, unitId: a.client.unitId }] });
    a.client.cast(2);
    expect(await a.client.waitFor("ServerSpellCastResult")).toEqual({ unknown0: 0, spell4Id: 61002, castResult: CAST_RESULT.SpellUnknown });
    await settle();
    expect(b.client.pending("ServerEntityDestroy")).toEqual([]);
    expect(b.client.pending("ServerEntityCreate").filter((p) => p.name === "ServerEntityCreate" && p.value.entity.type === ENTITY_TYPE.Mount)).toEqual([]);
    await Promise.all([a.client.close(), b.client.close()]);
    // Entering again: the owned mounts' summons come with the collection, the unowned Trask's does not.
    const again = await t.inWorld(a.player);
    await again.client.waitFor("ServerCollection");
    for (const [itemId, bagIndex] of [
      [50001, 1],
      [50101, 3],
    ] as const) {
      const add = await again.client.waitFor("ServerItemAdd", (v) => v.inventoryItem.item.itemId === itemId);
      expect(add.inventoryItem.item.location).toEqual({ location: INVENTORY_LOCATION.Ability, bagIndex });
      await again.client.waitFor("ServerSpellUpdate", (v) => v.spell4BaseId === itemId);
    }
    await settle();
    expect(again.client.pending("ServerItemAdd").filter((p) => p.name === "ServerItemAdd" && p.value.inventoryItem.item.itemId === 50002)).toEqual([]);
    expect(again.client.pending("ServerSpellUpdate")).toEqual([]);
    again.client.cast(1);
    await mountOf(again.client, again.client.unitId!, 61001);
    await again.client.close();
  });
});

describe("GM commands with unexpected extra arguments", () => {
  it("!mount and !pet answer with their usage and change nothing: no unlock, no summon, no dismissal, no name", async () => {
    const { a, b } = await pair();
    await ok(a.client, "!mount unlock 1002");
    await ok(a.client, "!pet unlock combat 2002");
    await ok(a.client, "!mount summon 1002");
    const ridden = await mountOf(b.client, a.client.unitId!, 61002);
    await ok(a.client, "!pet summon combat 2002");
    const pet = await b.client.waitFor("ServerEntityCreate", (v) => v.entity.type === ENTITY_TYPE.Pet);
    const refusals: [string, string][] = [
      ["!mount unlock 1001 now", "usage: !mount unlock|summon"],
      ["!mount summon 1001 please", "usage: !mount unlock|summon"],
      ["!mount flair 201 202", "usage: !mount unlock|summon"],
      ["!mount dismiss 1002", "usage: !mount unlock|summon"],
      ["!pet unlock combat 2001 now", "usage: !pet unlock|summon"],
      ["!pet unlock vanity 3001 3002", "usage: !pet unlock|summon"],
      ["!pet summon combat 2002 x", "usage: !pet unlock|summon"],
      ["!pet dismiss 2002", "usage: !pet unlock|summon"],
    ];
    for (const [command, usage] of refusals) {
      await expect(gm(a.client, command), command).resolves.toMatchObject({ refused: "INVALID_INPUT", message: expect.stringContaining(usage) });
    }
    // A name may have spaces: !pet name takes the rest of the line.
    expect(await ok(a.client, "!pet name combat 2002 Sir Barks")).toBe("named combat pet 2002 Sir Barks");
    await settle();
    expect((await getAccountCollection(t.db, { accountId: a.player.accountId })).map((e) => `${e.collectibleType}:${e.collectibleId}`)).toEqual([
      "mount:1002",
      "pet:2002",
    ]);
    // Still riding the same mount, with the same pet (renamed, so created again) out.
    expect(b.client.units.get(ridden.unitId)?.type).toBe(ENTITY_TYPE.Mount);
    expect(b.client.pending("ServerEntityDestroy").filter((p) => p.name === "ServerEntityDestroy" && p.value.unitId === ridden.unitId)).toEqual([]);
    expect(pet.entity).toMatchObject({ ownerId: a.client.unitId });
    await Promise.all([a.client.close(), b.client.close()]);
  });
});

describe("the mount summon cooldown", () => {
  it("binds GM !mount summon as it binds casting the summon: each starts it, and within it either is refused and nothing changes", async () => {
    const { a, b } = await pair();
    await ok(a.client, "!mount unlock 1001");
    await ok(a.client, "!mount unlock 1101");
    // A GM summon starts the summon's 2 s cooldown, told to the rider as a cast's is.
    await ok(a.client, "!mount summon 1001");
    const woolie = await mountOf(b.client, a.client.unitId!, 61001);
    expect(await a.client.waitFor("ServerCooldown")).toEqual({ cooldown: { type: 1, spell4Id: 61001, typeId: 61001, timeRemainingMs: 2000 } });
    t.advance(1999);
    // Within it, casting the summon is refused, and so is the GM command, naming the time left.
    a.client.cast(1);
    expect(await a.client.waitFor("ServerSpellCastResult")).toEqual({ unknown0: 0, spell4Id: 61001, castResult: CAST_RESULT.SpellCooldown });
    await expect(gm(a.client, "!mount summon 1001")).resolves.toMatchObject({
      refused: "NOT_AVAILABLE",
      message: expect.stringContaining("cooldown for 1 ms"),
    });
    // Another mount's summon has a cooldown of its own.
    await ok(a.client, "!mount summon 1101");
    await b.client.waitFor("ServerEntityDestroy", (v) => v.unitId === woolie.unitId);
    const board = await mountOf(b.client, a.client.unitId!, 61101);
    await a.client.waitFor("ServerCooldown", (v) => v.cooldown.spell4Id === 61101);
    // A cast starts it for the GM command too.
    t.advance(1);
    a.client.cast(1);
    await b.client.waitFor("ServerEntityDestroy", (v) => v.unitId === board.unitId);
    const again = await mountOf(b.client, a.client.unitId!, 61001);
    await expect(gm(a.client, "!mount summon 1001")).resolves.toMatchObject({
      refused: "NOT_AVAILABLE",
      message: expect.stringContaining("cooldown for 2000 ms"),
    });
    await settle();
    expect(b.client.pending("ServerEntityDestroy")).toEqual([]);
    expect(b.client.units.get(again.unitId)?.type).toBe(ENTITY_TYPE.Mount);
    t.advance(2000);
    await ok(a.client, "!mount summon 1001");
    await b.client.waitFor("ServerEntityDestroy", (v) => v.unitId === again.unitId);
    await Promise.all([a.client.close(), b.client.close()]);
  });
});

describe("pets over TCP", () => {
  it("a vanity pet summoned is seen by the other, following its owner, with its nickname; dismissed it is gone", async () => {
    const { a, b } = await pair();
    await ok(a.client, "!pet unlock vanity 3001");
    await expect(a.client.waitFor("ServerUnlockVanityPet")).resolves.toEqual({ spell4Id: 62001 });
    a.client.send(ClientSummonVanityPet, { spell4BaseId: 62001 });
    const pet = await b.client.waitFor("ServerEntityCreate", (v) => v.entity.type === ENTITY_TYPE.Pet);
    expect(pet.entity).toEqual({ type: ENTITY_TYPE.Pet, creatureId: 62001, ownerId: a.client.unitId, unknown1: 0, name: "" });
    await b.client.waitFor("Server08B3", (v) => v.unitId === pet.unitId);

    a.client.send(ClientPetNickname, { kind: PET_NICKNAME_KIND.VanityPet, petId: 3001, nickname: "Pell" });
    const named = await b.client.waitFor("ServerEntityCreate", (v) => v.entity.type === ENTITY_TYPE.Pet && "name" in v.entity && v.entity.name === "Pell");
    a.client.send(ClientPetNickname, { kind: PET_NICKNAME_KIND.VanityPet, petId: 3001, nickname: "x".repeat(21) });
    expect(resultCodeName((await a.client.waitFor("ServerRequestResult")).code)).toBe("INVALID_INPUT");

    // It follows its owner.
    t.advance(1_000);
    a.client.move({ x: 20, y: 0, z: 0 });
    await b.client.waitFor("ServerEntityCommand", (v) => v.unitId === a.client.unitId);
    await t.tick();
    await b.client.waitFor("ServerEntityCommand", (v) => v.unitId === named.unitId);
    expect(b.client.units.get(named.unitId)?.position).toEqual({ x: 20, y: 0, z: 0 });

    a.client.send(ClientVanityPetDismiss, {});
    await b.client.waitFor("ServerEntityDestroy", (v) => v.unitId === named.unitId);
    expect((await listCharacterPets(t.db, { characterId: a.player.characterId }))[0]?.nickname).toBe("Pell");
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("refuses a vanity pet not in the collection: nobody sees a pet", async () => {
    const { a, b } = await pair();
    a.client.send(ClientSummonVanityPet, { spell4BaseId: 62002 });
    expect(resultCodeName((await a.client.waitFor("ServerRequestResult")).code)).toBe("NOT_OWNED");
    await settle();
    expect([...b.client.units.values()].filter((u) => u.type === ENTITY_TYPE.Pet)).toEqual([]);
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("a kill gives the combat pet out 10 % of its XP; levels come at the curve; switching pets and back keeps level and XP", async () => {
    const { a, b } = await pair();
    await ok(a.client, "!pet unlock combat 2001");
    await ok(a.client, "!pet unlock combat 2002");
    await ok(a.client, "!pet summon combat 2001");
    const reply = await ok(a.client, "!kill 12345"); // an Exile Soldier: 120 XP
    expect(reply).toContain("pet +12 XP, level 1");
    await expect(a.client.waitFor("ServerPetXp")).resolves.toEqual({ petId: 2001, gained: 12, xp: 12, level: 1, xpIntoLevel: 12, xpToNextLevel: 88 });
    await ok(a.client, "!petxp 87");
    await expect(a.client.waitFor("ServerPetXp", (v) => v.xp === 99)).resolves.toMatchObject({ level: 1 });
    await ok(a.client, "!petxp 1");
    await expect(a.client.waitFor("ServerPetLevelUp")).resolves.toEqual({ petId: 2001, level: 2 });

    await ok(a.client, "!pet summon combat 2002");
    await ok(a.client, "!kill 12345");
    await a.client.waitFor("ServerPetXp", (v) => v.petId === 2002);
    await ok(a.client, "!pet summon combat 2001");
    const seen = await b.client.waitFor(
      "ServerEntityCreate",
      (v) =>
        v.entity.type === ENTITY_TYPE.Pet &&
        "creatureId" in v.entity &&
        v.entity.creatureId === 63001 &&
        v.stats.some((s) => s.stat === 10 && s.value.value === 2),
    );
    expect(seen.entity).toMatchObject({ ownerId: a.client.unitId });
    await ok(a.client, "!kill 12345");
    await expect(a.client.waitFor("ServerPetXp", (v) => v.petId === 2001 && v.gained === 12)).resolves.toMatchObject({ xp: 112, level: 2 });
    expect(await listCharacterPets(t.db, { characterId: a.player.characterId })).toEqual([
      { characterId: a.player.characterId, kind: "pet", petId: 2001, xp: 112, level: 2, nickname: null },
      { characterId: a.player.characterId, kind: "pet", petId: 2002, xp: 12, level: 1, nickname: null },
    ]);
    await expect(gm(a.client, "!pet summon combat 9999")).resolves.toMatchObject({ refused: "NOT_FOUND" });
    await Promise.all([a.client.close(), b.client.close()]);
  });
});
