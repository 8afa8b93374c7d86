import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_ERROR_CODES, grantAchievement, listAchievements, listPathLevels, runTransaction, setPathLevel, type Database } from "../src/index.js";
import { createTestDatabase, makeCharacter } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const UNKNOWN = 2_000_000_000;

describe("grantAchievement and listAchievements", () => {
  it("grants once and keeps the first earnedAt; lists by achievement id", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(listAchievements(db.client, { characterId: id })).resolves.toEqual([]);
    const first = await grantAchievement(db.client, { characterId: id, achievementId: 500 });
    expect(first).toEqual({ granted: true, earnedAt: expect.any(Date) });
    await expect(grantAchievement(db.client, { characterId: id, achievementId: 500 })).resolves.toEqual({ granted: false, earnedAt: first.earnedAt });
    await grantAchievement(db.client, { characterId: id, achievementId: 20 });
    await expect(listAchievements(db.client, { characterId: id })).resolves.toEqual([
      { achievementId: 20, earnedAt: expect.any(Date) },
      { achievementId: 500, earnedAt: first.earnedAt },
    ]);
  });

  it("a repeat grant does not abort a caller's transaction", async () => {
    const { id } = await makeCharacter(db.client);
    await runTransaction(db.client, async (tx) => {
      await grantAchievement(tx, { characterId: id, achievementId: 1 });
      await expect(grantAchievement(tx, { characterId: id, achievementId: 1 })).resolves.toMatchObject({ granted: false });
      await grantAchievement(tx, { characterId: id, achievementId: 2 });
    });
    expect(await listAchievements(db.client, { characterId: id })).toHaveLength(2);
  });

  it("throws CHARACTER_NOT_FOUND and INVALID_INPUT; lists nothing for an unknown character", async () => {
    await expectDbError(grantAchievement(db.client, { characterId: UNKNOWN, achievementId: 1 }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(grantAchievement(db.client, { characterId: 1, achievementId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(listAchievements(db.client, { characterId: -1 }), DB_ERROR_CODES.INVALID_INPUT);
    await expect(listAchievements(db.client, { characterId: UNKNOWN })).resolves.toEqual([]);
  });
});

describe("setPathLevel and listPathLevels", () => {
  it("sets levels, returning the level before (0 for a new path); lists by path name", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(listPathLevels(db.client, { characterId: id })).resolves.toEqual([]);
    await expect(setPathLevel(db.client, { characterId: id, path: "soldier", level: 5 })).resolves.toEqual({ before: 0, after: 5 });
    await expect(setPathLevel(db.client, { characterId: id, path: "soldier", level: 30 })).resolves.toEqual({ before: 5, after: 30 });
    await expect(setPathLevel(db.client, { characterId: id, path: "soldier", level: 2 })).resolves.toEqual({ before: 30, after: 2 });
    await expect(setPathLevel(db.client, { characterId: id, path: "explorer", level: 100 })).resolves.toEqual({ before: 0, after: 100 });
    await expect(setPathLevel(db.client, { characterId: id, path: "settler", level: 0 })).resolves.toEqual({ before: 0, after: 0 });
    await expect(listPathLevels(db.client, { characterId: id })).resolves.toEqual([
      { path: "explorer", level: 100 },
      { path: "settler", level: 0 },
      { path: "soldier", level: 2 },
    ]);
  });

  it("rolls back with a caller's transaction", async () => {
    const { id } = await makeCharacter(db.client);
    await setPathLevel(db.client, { characterId: id, path: "scientist", level: 3 });
    const failure = runTransaction(db.client, async (tx) => {
      await setPathLevel(tx, { characterId: id, path: "scientist", level: 4 });
      throw new Error("rollback");
    });
    await expect(failure).rejects.toThrow("rollback");
    await expect(listPathLevels(db.client, { characterId: id })).resolves.toEqual([{ path: "scientist", level: 3 }]);
  });

  it.each([
    ["an unknown path", { path: "pirate" }],
    ["a path in upper case", { path: "Soldier" }],
    ["level 101", { level: 101 }],
    ["level -1", { level: -1 }],
    ["a fractional level", { level: 1.5 }],
    ["a malformed character id", { characterId: 0 }],
  ])("rejects %s with INVALID_INPUT", async (_label, override) => {
    const { id } = await makeCharacter(db.client);
    await expectDbError(setPathLevel(db.client, { characterId: id, path: "soldier", level: 1, ...override }), DB_ERROR_CODES.INVALID_INPUT);
    await expect(listPathLevels(db.client, { characterId: id })).resolves.toEqual([]);
  });

  it("throws CHARACTER_NOT_FOUND; lists nothing for an unknown character", async () => {
    await expectDbError(setPathLevel(db.client, { characterId: UNKNOWN, path: "soldier", level: 1 }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expect(listPathLevels(db.client, { characterId: UNKNOWN })).resolves.toEqual([]);
    await expectDbError(listPathLevels(db.client, { characterId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
  });

  it("the database refuses an unknown path and a level outside 0..100 (CHECKs)", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(db.client.characterPathLevel.create({ data: { characterId: id, path: "pirate", level: 1 } })).rejects.toThrow();
    await expect(db.client.characterPathLevel.create({ data: { characterId: id, path: "soldier", level: 101 } })).rejects.toThrow();
  });
});
