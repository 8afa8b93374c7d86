import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DB_ERROR_CODES,
  getReputations,
  grantAchievement,
  listAchievements,
  listPathLevels,
  runTransaction,
  setPathLevel,
  type ActionOptions,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";
import { failAt, snapshot } from "./state-snapshot.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

const UNKNOWN = 2_000_000_000;
const earn = (characterId: number, achievementId: number, more: Partial<ActionOptions> = {}) =>
  grantAchievement(db.client, { ...opts, ...more, characterId, achievementId });
type Path = "soldier" | "settler" | "scientist" | "explorer";
const setLevel = (characterId: number, path: Path, level: number, more: Partial<ActionOptions> = {}) =>
  setPathLevel(db.client, { ...opts, ...more, characterId, path, level });

describe("grantAchievement and listAchievements", () => {
  it("grants once with its reputation rewards and events, keeps the first earnedAt; lists by achievement id", async () => {
    const c = await makeCharacter(db.client);
    await expect(listAchievements(db.client, { characterId: c.id })).resolves.toEqual([]);
    const first = await earn(c.id, 501);
    expect(first.result).toMatchObject({ granted: true, earnedAt: expect.any(Date), reputation: [{ factionId: 167, before: 0, after: 100 }], titles: [] });
    expect(first.events).toEqual([
      { kind: "achievement.earned", accountId: c.accountId, characterId: c.id, achievementId: 501, earnedAt: first.result.earnedAt },
      expect.objectContaining({ kind: "reputation.changed", factionId: 167, delta: 100, source: "achievement 501" }),
    ]);
    await expect(earn(c.id, 501)).resolves.toEqual({
      result: { granted: false, earnedAt: first.result.earnedAt, reputation: [], titles: [], collectibles: [] },
      events: [],
      replayed: false,
    });
    await expect(getReputations(db.client, { characterId: c.id })).resolves.toEqual([{ factionId: 167, standing: 100 }]);
    await earn(c.id, 500);
    await expect(listAchievements(db.client, { characterId: c.id })).resolves.toEqual([
      { achievementId: 500, earnedAt: expect.any(Date) },
      { achievementId: 501, earnedAt: first.result.earnedAt },
    ]);
  });

  it("grants the titles and the mount the achievement unlocks", async () => {
    const c = await makeCharacter(db.client);
    const { result, events } = await earn(c.id, 500);
    expect(result.titles).toEqual([2001]);
    expect(result.collectibles).toEqual([{ collectibleType: "mount", collectibleId: 1002 }]);
    expect(events.map((e) => e.kind)).toEqual(["achievement.earned", "title.granted", "collection.unlocked"]);
    expect(events[1]).toMatchObject({ titleId: 2001, source: "achievement", characterId: c.id });
  });

  it("a repeat grant does not abort a caller's transaction", async () => {
    const { id } = await makeCharacter(db.client);
    await runTransaction(db.client, async (tx) => {
      await grantAchievement(tx, { ...opts, characterId: id, achievementId: 500 });
      await expect(grantAchievement(tx, { ...opts, characterId: id, achievementId: 500 })).resolves.toMatchObject({ result: { granted: false } });
      await grantAchievement(tx, { ...opts, characterId: id, achievementId: 501 });
    });
    expect(await listAchievements(db.client, { characterId: id })).toHaveLength(2);
  });

  it.each(["achievement.earned", "reputation.changed", "titles.checked", "events"])("a fault at %s leaves nothing changed and no event", async (step) => {
    const c = await makeCharacter(db.client);
    const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
    await expectDbError(earn(c.id, 501, { faults: failAt(step) }), DB_ERROR_CODES.INTERNAL);
    await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
  });

  it("throws UNKNOWN_GAME_DATA, CHARACTER_NOT_FOUND and INVALID_INPUT; lists nothing for an unknown character", async () => {
    await expectDbError(earn(1, 20), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
    await expectDbError(earn(UNKNOWN, 500), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(earn(1, 0), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(listAchievements(db.client, { characterId: -1 }), DB_ERROR_CODES.INVALID_INPUT);
    await expect(listAchievements(db.client, { characterId: UNKNOWN })).resolves.toEqual([]);
  });
});

describe("setPathLevel and listPathLevels", () => {
  it("sets levels, returning the level before (0 for a new path), with path.level-changed; lists by path name", async () => {
    const c = await makeCharacter(db.client);
    await expect(listPathLevels(db.client, { characterId: c.id })).resolves.toEqual([]);
    const first = await setLevel(c.id, "settler", 5);
    expect(first.result).toEqual({ before: 0, after: 5, rewardedLevels: [], reputation: [], titles: [] });
    expect(first.events).toEqual([{ kind: "path.level-changed", accountId: c.accountId, characterId: c.id, path: "settler", before: 0, after: 5 }]);
    await expect(setLevel(c.id, "settler", 30)).resolves.toMatchObject({ result: { before: 5, after: 30 } });
    await expect(setLevel(c.id, "settler", 2)).resolves.toMatchObject({ result: { before: 30, after: 2 } });
    await expect(setLevel(c.id, "scientist", 0)).resolves.toMatchObject({ result: { before: 0, after: 0 } });
    await expect(listPathLevels(db.client, { characterId: c.id })).resolves.toEqual([
      { path: "scientist", level: 0 },
      { path: "settler", level: 2 },
    ]);
  });

  it("pays the rewards of the levels passed on the way up, and grants the path's titles", async () => {
    const c = await makeCharacter(db.client);
    const up = await setLevel(c.id, "soldier", 12);
    expect(up.result.reputation.map((r) => [r.factionId, r.after])).toEqual([
      [166, 150],
      [167, 150],
    ]);
    expect(up.events.filter((e) => e.kind === "reputation.changed")).toMatchObject([{ source: "path soldier 12" }, { source: "path soldier 12" }]);
    await expect(setLevel(c.id, "soldier", 20)).resolves.toMatchObject({ result: { before: 12, reputation: [] } });
    const explorer = await setLevel(c.id, "explorer", 30);
    expect(explorer.result.titles).toEqual([4001]);
    expect(explorer.events.at(-1)).toMatchObject({ kind: "title.granted", titleId: 4001, source: "path" });
  });

  it("refuses a level above the path's maxLevel in the data with INVALID_INPUT", async () => {
    const { id } = await makeCharacter(db.client);
    const max = opts.rules.data.paths.require("explorer").maxLevel;
    await expectDbError(setLevel(id, "explorer", max + 1), DB_ERROR_CODES.INVALID_INPUT);
  });

  it("rolls back with a caller's transaction", async () => {
    const { id } = await makeCharacter(db.client);
    await setLevel(id, "scientist", 3);
    const failure = runTransaction(db.client, async (tx) => {
      await setPathLevel(tx, { ...opts, characterId: id, path: "scientist", level: 4 });
      throw new Error("rollback");
    });
    await expect(failure).rejects.toThrow("rollback");
    await expect(listPathLevels(db.client, { characterId: id })).resolves.toEqual([{ path: "scientist", level: 3 }]);
  });

  it.each(["path.level-changed", "path.rewards-claimed", "reputation.changed", "titles.checked", "events"])(
    "a fault at %s leaves nothing changed and no event",
    async (step) => {
      const c = await makeCharacter(db.client);
      const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
      await expectDbError(setLevel(c.id, "soldier", 12, { faults: failAt(step) }), DB_ERROR_CODES.INTERNAL);
      await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
    },
  );

  it.each([
    ["an unknown path", { path: "pirate" }],
    ["a path in upper case", { path: "Soldier" }],
    ["level 101", { level: 101 }],
    ["level -1", { level: -1 }],
    ["a fractional level", { level: 1.5 }],
    ["a malformed character id", { characterId: 0 }],
  ])("rejects %s with INVALID_INPUT", async (_label, override) => {
    const { id } = await makeCharacter(db.client);
    await expectDbError(setPathLevel(db.client, { ...opts, characterId: id, path: "soldier", level: 1, ...override } as never), DB_ERROR_CODES.INVALID_INPUT);
    await expect(listPathLevels(db.client, { characterId: id })).resolves.toEqual([]);
  });

  it("throws CHARACTER_NOT_FOUND; lists nothing for an unknown character", async () => {
    await expectDbError(setLevel(UNKNOWN, "soldier", 1), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expect(listPathLevels(db.client, { characterId: UNKNOWN })).resolves.toEqual([]);
    await expectDbError(listPathLevels(db.client, { characterId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
  });

  it("the database refuses an unknown path and a level outside 0..100 (CHECKs)", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(db.client.characterPathLevel.create({ data: { characterId: id, path: "pirate", level: 1 } })).rejects.toThrow();
    await expect(db.client.characterPathLevel.create({ data: { characterId: id, path: "soldier", level: 101 } })).rejects.toThrow();
  });
});
