import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCharacter,
  DB_ERROR_CODES,
  getCharacter,
  getCharacterByName,
  listCharacters,
  recordCharacterOnline,
  runTransaction,
  type Database,
} from "../src/index.js";
import { createTestDatabase, loadTestRules, makeAccount, makeCharacter, uniqueCharacterName } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
let rules: Awaited<ReturnType<typeof loadTestRules>>;
/** A human warrior of the Exiles: character-creation choice 1. */
let base: { rules: typeof rules; race: number; class: number; sex: number; faction: number };
beforeAll(async () => {
  db = await createTestDatabase();
  rules = await loadTestRules();
  base = { rules, race: 1, class: 1, sex: 0, faction: 167 };
});
afterAll(() => db.close());

describe("createCharacter", () => {
  it("creates a level 1 character with zero gold at the origin, keeping the name's case", async () => {
    const account = await makeAccount(db.client);
    const name = `Ab${uniqueCharacterName("c")}`.slice(0, 20);
    const character = await createCharacter(db.client, { accountId: account.id, name, ...base, worldId: 870, zoneId: 1 });
    expect(character).toMatchObject({
      accountId: account.id,
      name,
      nameKey: name.toLowerCase(),
      level: 1,
      gold: 0n,
      worldId: 870,
      zoneId: 1,
      positionX: 0,
      lastOnlineAt: null,
    });
  });

  it("refuses a name that differs only in case with NAME_TAKEN, across accounts", async () => {
    const existing = await makeCharacter(db.client);
    const other = await makeAccount(db.client);
    await expectDbError(createCharacter(db.client, { accountId: other.id, name: existing.name.toUpperCase(), ...base }), DB_ERROR_CODES.NAME_TAKEN);
  });

  it.each([
    ["a 2-letter name", { name: "Ab" }],
    ["a 25-letter name", { name: "A".repeat(25) }],
    ["a name with a digit", { name: "Abc1" }],
    ["a name with a space", { name: "Abc Def" }],
    ["level 0", { level: 0 }],
    ["level 51", { level: 51 }],
    ["a negative race", { race: -1 }],
    ["a fractional class", { class: 1.5 }],
  ])("rejects %s with INVALID_INPUT", async (_label, patch) => {
    const account = await makeAccount(db.client);
    await expectDbError(createCharacter(db.client, { accountId: account.id, name: uniqueCharacterName(), ...base, ...patch }), DB_ERROR_CODES.INVALID_INPUT);
  });

  it.each([
    [
      "an aurin warrior of the Exiles",
      { race: 4, class: 1, sex: 0, faction: 167 },
      [3],
      "Aurin (race 4), Warrior (class 1), Male (sex 0), Exiles (faction 167)",
    ],
    [
      "a chua warrior of the Exiles (chua are Dominion)",
      { race: 13, class: 1, sex: 0, faction: 167 },
      [1, 7, 2, 4, 3, 5],
      "Chua (race 13), Warrior (class 1), Male (sex 0), Exiles (faction 167)",
    ],
    [
      "a mordesh esper of the Dominion (mordesh are Exiles)",
      { race: 16, class: 3, sex: 1, faction: 166 },
      [1, 3, 5, 2, 4, 7],
      "Mordesh (race 16), Esper (class 3), Female (sex 1), Dominion (faction 166)",
    ],
    [
      "a faction no player belongs to",
      { race: 1, class: 1, sex: 0, faction: 1 },
      [1, 7, 3, 2, 4, 5],
      "Human (race 1), Warrior (class 1), Male (sex 0), faction 1",
    ],
  ])("refuses %s with CHARACTER_CREATION_NOT_OFFERED, naming it and what is offered, and creates nothing", async (_label, choice, offeredClasses, named) => {
    const account = await makeAccount(db.client);
    const error = await expectDbError(
      createCharacter(db.client, { accountId: account.id, name: uniqueCharacterName(), rules, ...choice }),
      DB_ERROR_CODES.CHARACTER_CREATION_NOT_OFFERED,
    );
    expect(error.details).toMatchObject(choice);
    const offered = (error.details as { offered: Array<{ race: number; class: number; sex: number; faction: number }> }).offered;
    expect(new Set(offered.map((c) => c.class))).toEqual(new Set(offeredClasses));
    for (const c of offered)
      expect(rules.data.characterCreations.all()).toContainEqual(expect.objectContaining({ race: c.race, class: c.class, sex: c.sex, factionId: c.faction }));
    expect(error.message).toContain(`${named} is not a character-creation choice; offered instead: `);
    expect(error.message).not.toMatch(/(^|; )race \d/);
    expect(await listCharacters(db.client, { accountId: account.id })).toEqual([]);
  });

  it("creates every choice the creation screen offers (character-creations.json)", async () => {
    const all = rules.data.characterCreations.all();
    // An account holds 12: the choices go to as many accounts as they need, 12 each.
    for (let from = 0; from < all.length; from += 12) {
      const account = await makeAccount(db.client);
      const creations = all.slice(from, from + 12);
      for (const c of creations) {
        await createCharacter(db.client, {
          accountId: account.id,
          name: uniqueCharacterName(),
          rules,
          race: c.race,
          class: c.class,
          sex: c.sex,
          faction: c.factionId,
        });
      }
      expect(await listCharacters(db.client, { accountId: account.id })).toHaveLength(creations.length);
    }
  });

  it("throws ACCOUNT_NOT_FOUND for an unknown account", async () => {
    await expectDbError(createCharacter(db.client, { accountId: 2_000_000_000, name: uniqueCharacterName(), ...base }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
  });

  it("deleting the account deletes its characters (ON DELETE CASCADE)", async () => {
    const character = await makeCharacter(db.client);
    await db.client.account.delete({ where: { id: character.accountId } });
    await expectDbError(getCharacter(db.client, { characterId: character.id }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
  });
});

describe("listCharacters", () => {
  it("lists only the account's characters, oldest first", async () => {
    const account = await makeAccount(db.client);
    const first = await makeCharacter(db.client, { accountId: account.id });
    const second = await makeCharacter(db.client, { accountId: account.id });
    await makeCharacter(db.client);
    const list = await listCharacters(db.client, { accountId: account.id });
    expect(list.map((c) => c.id)).toEqual([first.id, second.id]);
  });

  it("is empty for an account without characters; INVALID_INPUT for a bad id", async () => {
    const account = await makeAccount(db.client);
    await expect(listCharacters(db.client, { accountId: account.id })).resolves.toEqual([]);
    await expectDbError(listCharacters(db.client, { accountId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
  });
});

describe("getCharacter and getCharacterByName", () => {
  it("gets by id, checking ownership when an account is given", async () => {
    const character = await makeCharacter(db.client);
    const stranger = await makeAccount(db.client);
    await expect(getCharacter(db.client, { characterId: character.id })).resolves.toMatchObject({ id: character.id });
    await expect(getCharacter(db.client, { characterId: character.id, accountId: character.accountId })).resolves.toMatchObject({
      id: character.id,
    });
    await expectDbError(getCharacter(db.client, { characterId: character.id, accountId: stranger.id }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(getCharacter(db.client, { characterId: 2_000_000_000 }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
  });

  it("gets by name in any letter case", async () => {
    const character = await makeCharacter(db.client);
    await expect(getCharacterByName(db.client, { name: character.name.toUpperCase() })).resolves.toMatchObject({ id: character.id });
    await expectDbError(getCharacterByName(db.client, { name: uniqueCharacterName() }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(getCharacterByName(db.client, { name: "x".repeat(40) }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
  });
});

describe("database constraints (not only code)", () => {
  it("refuses name_key <> lower(name), level outside 1..50 and negative gold", async () => {
    const account = await makeAccount(db.client);
    const row = { accountId: account.id, ...base };
    const name = uniqueCharacterName();
    await expect(db.client.character.create({ data: { ...row, name, nameKey: "other" } })).rejects.toThrow();
    await expect(db.client.character.create({ data: { ...row, name, nameKey: name.toLowerCase(), level: 51 } })).rejects.toThrow();
    await expect(db.client.character.create({ data: { ...row, name, nameKey: name.toLowerCase(), gold: -1n } })).rejects.toThrow();
  });
});

describe("runTransaction", () => {
  it("composes: an inner runTransaction joins the outer one and rolls back with it", async () => {
    const account = await makeAccount(db.client);
    const name = uniqueCharacterName();
    const outcome = await runTransaction(db.client, async (tx) => {
      await runTransaction(tx, (inner) => createCharacter(inner, { accountId: account.id, name, ...base }));
      await expect(getCharacterByName(tx, { name })).resolves.toBeTruthy(); // visible inside
      throw new Error("abort");
    }).catch((error: Error) => error.message);
    expect(outcome).toBe("abort");
    await expectDbError(getCharacterByName(db.client, { name }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
  });
});

describe("recordCharacterOnline", () => {
  it("stamps lastOnlineAt (now by default); CHARACTER_NOT_FOUND for an unknown id", async () => {
    const character = await makeCharacter(db.client);
    const at = new Date("2026-01-02T03:04:05.678Z");
    await recordCharacterOnline(db.client, { characterId: character.id, at });
    expect((await getCharacter(db.client, { characterId: character.id })).lastOnlineAt).toEqual(at);
    const before = Date.now();
    await recordCharacterOnline(db.client, { characterId: character.id });
    expect((await getCharacter(db.client, { characterId: character.id })).lastOnlineAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await expectDbError(recordCharacterOnline(db.client, { characterId: 2_000_000_000 }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
  });
});
