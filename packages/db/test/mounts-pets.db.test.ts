// Issue 14: per-character mount customisation and pet progress, kept across summons of other
// mounts and pets; pet XP with level rewards paid once per pet and level; the unlock race.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  awardPetXp,
  customizeMount,
  DB_ERROR_CODES,
  getBalances,
  getMergedCollection,
  listCharacterPets,
  listMountCustomizations,
  setPetNickname,
  unlockCollectible,
  type ActionOptions,
  type CollectibleType,
  type CustomizeMountInput,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeAccount, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";
import { onPostgres, raceSuiteTitle } from "./race-suite.js";
import { failAt } from "./state-snapshot.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

type Owner = { id: number; accountId: number };
const unlock = (c: Owner, collectibleType: CollectibleType, collectibleId: number, scope: "account" | "character" = "account") =>
  unlockCollectible(db.client, { ...opts, scope, accountId: c.accountId, characterId: c.id, collectibleType, collectibleId, source: "gm" });
const customize = (c: Owner, mountId: number, change: CustomizeMountInput["change"], more: Partial<ActionOptions> = {}) =>
  customizeMount(db.client, { ...opts, ...more, characterId: c.id, mountId, change });
const flair = (slot: number, flairId: number, petType = 1) => ({ kind: "flair" as const, petType, slot, flairId });
const gold = async (c: Owner) => (await getBalances(db.client, { accountId: c.accountId, characterId: c.id })).gold ?? 0n;

describe("unlocking vanity pets and flair", () => {
  it("collects vanity pets and flair like mounts, once, and refuses ids the data lacks", async () => {
    const c = await makeCharacter(db.client);
    await expect(unlock(c, "vanity_pet", 3001)).resolves.toMatchObject({ result: { unlocked: true } });
    await expect(unlock(c, "flair", 201, "character")).resolves.toMatchObject({ result: { unlocked: true } });
    await expect(unlock(c, "flair", 201, "character")).resolves.toMatchObject({ result: { unlocked: false }, events: [] });
    const merged = await getMergedCollection(db.client, { accountId: c.accountId, characterId: c.id });
    expect(merged.map((e) => [e.collectibleType, e.collectibleId, e.scope])).toEqual([
      ["flair", 201, "character"],
      ["vanity_pet", 3001, "account"],
    ]);
    await expectDbError(unlock(c, "vanity_pet", 2001), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
    await expectDbError(unlock(c, "flair", 999), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
  });

  it("the merged view lists a collectible owned by the account and the character once, as the account's with its source", async () => {
    const c = await makeCharacter(db.client);
    await unlock(c, "vanity_pet", 3002, "character");
    await unlockCollectible(db.client, {
      ...opts,
      scope: "account",
      accountId: c.accountId,
      collectibleType: "vanity_pet",
      collectibleId: 3002,
      source: "purchase",
    });
    const merged = await getMergedCollection(db.client, { accountId: c.accountId, characterId: c.id });
    expect(merged.map((e) => [e.collectibleType, e.collectibleId, e.scope, e.unlockSource])).toEqual([["vanity_pet", 3002, "account", "purchase"]]);
  });
});

describe("mount customisation", () => {
  it("sets unlocked flair in a slot the mount has, answering refusals with the genuine reason and changing nothing", async () => {
    const c = await makeCharacter(db.client);
    await unlock(c, "mount", 1001);
    await unlock(c, "flair", 201);
    const done = await customize(c, 1001, flair(0, 201));
    expect(done.result).toEqual({ characterId: c.id, mountId: 1001, flair: [201, 0, 0, 0], dyes: [0, 0, 0], upgrades: [], tricks: [] });
    expect(done.events).toEqual([expect.objectContaining({ kind: "mount.customized", change: "flair", mountId: 1001, flair: [201, 0, 0, 0] })]);
    const refused = async (change: CustomizeMountInput["change"], reason: string) => {
      const error = await expectDbError(customize(c, 1001, change), DB_ERROR_CODES.MOUNT_FLAIR_REFUSED);
      expect(error.details).toMatchObject({ reason });
    };
    await refused(flair(3, 203), "InvalidSlot"); // Woolie has no right slot
    await refused(flair(0, 202), "UnknownFlairType"); // a back piece in the front
    await refused(flair(1, 202), "NotUnlocked");
    await refused(flair(0, 777), "InvalidFlair");
    await refused(flair(0, 201, 2), "PetTypeNotSupported");
    expect(await listMountCustomizations(db.client, { characterId: c.id })).toEqual([done.result]);
  });

  it("refuses a mount the character does not own and creates no row", async () => {
    const c = await makeCharacter(db.client);
    await expectDbError(customize(c, 1001, { kind: "dye", channel: 0, dyeId: 5 }), DB_ERROR_CODES.COLLECTIBLE_NOT_OWNED);
    await expectDbError(customize(c, 9999, { kind: "dye", channel: 0, dyeId: 5 }), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
    expect(await listMountCustomizations(db.client, { characterId: c.id })).toEqual([]);
  });

  it("keeps each mount's dyes, upgrades and tricks apart, per character, whichever mount is changed after", async () => {
    const account = await makeAccount(db.client);
    const [a, b] = [await makeCharacter(db.client, { accountId: account.id }), await makeCharacter(db.client, { accountId: account.id })];
    await unlock(a, "mount", 1001);
    await unlock(a, "mount", 1101);
    await customize(a, 1001, { kind: "dye", channel: 2, dyeId: 40 });
    await customize(a, 1001, { kind: "upgrade", upgradeId: "speed_1" });
    await customize(a, 1101, { kind: "trick", trickId: "grind", enabled: true });
    await customize(a, 1101, { kind: "upgrade", upgradeId: "speed_1" });
    await customize(b, 1001, { kind: "dye", channel: 0, dyeId: 7 });
    expect(await listMountCustomizations(db.client, { characterId: a.id })).toEqual([
      { characterId: a.id, mountId: 1001, flair: [0, 0, 0, 0], dyes: [0, 0, 40], upgrades: ["speed_1"], tricks: [] },
      { characterId: a.id, mountId: 1101, flair: [0, 0, 0, 0], dyes: [0, 0], upgrades: ["speed_1"], tricks: ["grind"] },
    ]);
    expect(await listMountCustomizations(db.client, { characterId: b.id, mountId: 1001 })).toEqual([
      { characterId: b.id, mountId: 1001, flair: [0, 0, 0, 0], dyes: [7, 0, 0], upgrades: [], tricks: [] },
    ]);
  });

  it.each([
    ["a dye channel the mount lacks", 1002, { kind: "dye", channel: 2, dyeId: 1 }, "invalid-channel"],
    ["an upgrade out of order", 1001, { kind: "upgrade", upgradeId: "speed_2" }, "upgrade-out-of-order"],
    ["a trick on a ground mount", 1001, { kind: "trick", trickId: "grind", enabled: true }, "not-hoverboard"],
    ["an unknown trick", 1101, { kind: "trick", trickId: "loop", enabled: true }, "unknown-trick"],
  ] as const)("refuses %s with its reason", async (_name, mountId, change, reason) => {
    const c = await makeCharacter(db.client);
    await unlock(c, "mount", mountId);
    const error = await expectDbError(customize(c, mountId, change), DB_ERROR_CODES.MOUNT_CUSTOMIZATION_REFUSED);
    expect(error.details).toMatchObject({ reason });
    expect(await listMountCustomizations(db.client, { characterId: c.id })).toEqual([]);
  });

  it("buys each upgrade once, in order, and a failure after the rule changes nothing", async () => {
    const c = await makeCharacter(db.client);
    await unlock(c, "mount", 1001, "character");
    await expectDbError(customize(c, 1001, { kind: "upgrade", upgradeId: "speed_1" }, { faults: failAt("mount.customized") }), DB_ERROR_CODES.INTERNAL);
    expect(await listMountCustomizations(db.client, { characterId: c.id })).toEqual([]);
    await customize(c, 1001, { kind: "upgrade", upgradeId: "speed_1" });
    const again = await expectDbError(customize(c, 1001, { kind: "upgrade", upgradeId: "speed_1" }), DB_ERROR_CODES.MOUNT_CUSTOMIZATION_REFUSED);
    expect(again.details).toMatchObject({ reason: "upgrade-owned" });
    await customize(c, 1001, { kind: "upgrade", upgradeId: "speed_2" });
    expect((await listMountCustomizations(db.client, { characterId: c.id }))[0]?.upgrades).toEqual(["speed_1", "speed_2"]);
  });
});

describe("pet progress", () => {
  const award = (c: Owner, petId: number, amount: number) => awardPetXp(db.client, { ...opts, characterId: c.id, petId, amount, source: "test" });

  it("keeps each pet's XP, level and nickname whichever pet gains after", async () => {
    const c = await makeCharacter(db.client);
    await unlock(c, "pet", 2001);
    await unlock(c, "pet", 2002, "character");
    await expect(award(c, 2001, 150)).resolves.toMatchObject({ result: { pet: { xp: 150, level: 2 }, gained: 150, fromLevel: 1, levelsReached: [2] } });
    await setPetNickname(db.client, { ...opts, characterId: c.id, kind: "pet", petId: 2001, nickname: "Fluffy" });
    await award(c, 2002, 40);
    await award(c, 2001, 100);
    expect(await listCharacterPets(db.client, { characterId: c.id })).toEqual([
      { characterId: c.id, kind: "pet", petId: 2001, xp: 250, level: 3, nickname: "Fluffy" },
      { characterId: c.id, kind: "pet", petId: 2002, xp: 40, level: 1, nickname: null },
    ]);
  });

  it("pays a level's gold once per pet and level, and stops at the cap", async () => {
    const c = await makeCharacter(db.client);
    await unlock(c, "pet", 2001);
    const before = await gold(c);
    const first = await award(c, 2001, 1200); // level 1 -> 6 passes the level-5 reward (500)
    expect(first.result).toMatchObject({ levelsReached: [2, 3, 4, 5, 6], rewardedLevels: [5] });
    expect(first.events.map((e) => e.kind)).toEqual(["pet.xp-gained", "currency.changed"]);
    expect(await gold(c)).toBe(before + 500n);
    await db.client.characterPet.update({ where: { characterId_kind_petId: { characterId: c.id, kind: "pet", petId: 2001 } }, data: { xp: 0, level: 1 } });
    await expect(award(c, 2001, 1200)).resolves.toMatchObject({ result: { rewardedLevels: [] } });
    expect(await gold(c)).toBe(before + 500n);
    const capped = await award(c, 2001, 1_000_000);
    expect(capped.result).toMatchObject({ pet: { xp: 27800, level: 25 }, gained: 26600, rewardedLevels: [10, 25] });
    await expect(award(c, 2001, 10)).resolves.toMatchObject({ result: { gained: 0 }, events: [] });
  });

  it("refuses an unowned pet, a vanity pet's XP, and a bad nickname, changing nothing", async () => {
    const c = await makeCharacter(db.client);
    await expectDbError(award(c, 2001, 10), DB_ERROR_CODES.COLLECTIBLE_NOT_OWNED);
    await expectDbError(award(c, 3001, 10), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
    await unlock(c, "vanity_pet", 3001);
    const name = (nickname: string | null) => setPetNickname(db.client, { ...opts, characterId: c.id, kind: "vanity_pet", petId: 3001, nickname });
    for (const bad of ["", "x".repeat(21), "x".repeat(500), " Spaced", "semi;colon"]) await expectDbError(name(bad), DB_ERROR_CODES.PET_NICKNAME_INVALID);
    expect(await listCharacterPets(db.client, { characterId: c.id })).toEqual([]);
    await expect(name("Pell")).resolves.toMatchObject({
      result: { nickname: "Pell" },
      events: [expect.objectContaining({ kind: "pet.renamed", nickname: "Pell" })],
    });
    await expect(name("Pell")).resolves.toMatchObject({ events: [] });
    await expect(name(null)).resolves.toMatchObject({ result: { nickname: null } });
    await expectDbError(
      setPetNickname(db.client, { ...opts, characterId: c.id, kind: "pet", petId: 2002, nickname: "Nope" }),
      DB_ERROR_CODES.COLLECTIBLE_NOT_OWNED,
    );
  });
});

describe.skipIf(!onPostgres)(raceSuiteTitle("racing mount unlocks and customisations"), () => {
  it("two characters of one account unlocking the same mount at once make one row and one event", async () => {
    const account = await makeAccount(db.client);
    const [a, b] = [await makeCharacter(db.client, { accountId: account.id }), await makeCharacter(db.client, { accountId: account.id })];
    for (let round = 0; round < 5; round++) {
      const mountId = [1001, 1002, 1101][round % 3] ?? 1001;
      await db.client.accountCollection.deleteMany({ where: { accountId: account.id } });
      const results = await Promise.all([unlock(a, "mount", mountId), unlock(b, "mount", mountId)]);
      expect(results.map((r) => r.result.unlocked).sort()).toEqual([false, true]);
      expect(results.flatMap((r) => r.events)).toHaveLength(1);
      expect(await db.client.accountCollection.count({ where: { accountId: account.id, collectibleType: "mount", collectibleId: mountId } })).toBe(1);
    }
  });

  it("racing upgrades of one mount buy each once, in order", async () => {
    const c = await makeCharacter(db.client);
    await unlock(c, "mount", 1101);
    const results = await Promise.allSettled(["speed_1", "speed_1", "speed_1"].map((u) => customize(c, 1101, { kind: "upgrade", upgradeId: u })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listMountCustomizations(db.client, { characterId: c.id }))[0]?.upgrades).toEqual(["speed_1"]);
  });
});
