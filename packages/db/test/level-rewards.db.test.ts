// Fault 1 of issue 8: a reward tied to a level is paid once per owner and level, ever. The races
// at the end mean something only on PostgreSQL and are skipped visibly on PGlite.
import { buildGameData } from "@bezgelor/data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  claimLevelRewards,
  DB_ERROR_CODES,
  getReputations,
  LEVEL_REWARD_OWNER_KINDS,
  runTransaction,
  setPathLevel,
  type ActionOptions,
  type Database,
  type LevelRewardOwner,
} from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";
import { failAt } from "./state-snapshot.js";
import { onPostgres, raceSuiteTitle } from "./race-suite.js";

let db: Database;
let opts: ActionOptions;
/** The shipped data with a soldier ladder rewarding levels 5, 10 and 20 (faction 166: +1, +10, +100). */
let ladder: ActionOptions;

beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
  const { data } = opts.rules;
  const reward = (level: number, amount: number) => ({ level, reputation: [{ factionId: 166, amount }] });
  const soldier = { ...data.paths.require("soldier"), levelRewards: [reward(20, 100), reward(5, 1), reward(10, 10)] };
  const { paths } = buildGameData({ factions: data.factions.all(), paths: [soldier] });
  ladder = { ...opts, rules: { data: { ...data, paths }, scale: opts.rules.scale } };
});
afterAll(() => db.close());

const standing = async (characterId: number, factionId: number) =>
  (await getReputations(db.client, { characterId })).find((r) => r.factionId === factionId)?.standing ?? 0;
const setLevel = (o: ActionOptions, characterId: number, level: number, more: Partial<ActionOptions> = {}) =>
  setPathLevel(db.client, { ...o, ...more, characterId, path: "soldier", level });
const claim = (owner: LevelRewardOwner, track: string, levels: number[]) =>
  runTransaction(db.client, (tx) => claimLevelRewards({ tx }, { owner, track, levels }));

describe("path level rewards are paid once per character and level, ever", () => {
  it("!path soldier 10, 0, 10 pays the level-10 reward once", async () => {
    const c = await makeCharacter(db.client);
    const first = await setLevel(opts, c.id, 10);
    expect(first.result).toMatchObject({ before: 0, after: 10, rewardedLevels: [10] });
    await expect(setLevel(opts, c.id, 0)).resolves.toMatchObject({ result: { before: 10, after: 0, rewardedLevels: [], reputation: [] } });
    const again = await setLevel(opts, c.id, 10);
    expect(again.result).toMatchObject({ before: 0, after: 10, rewardedLevels: [], reputation: [] });
    expect(again.events.filter((e) => e.kind === "reputation.changed")).toEqual([]);
    expect([await standing(c.id, 166), await standing(c.id, 167)]).toEqual([150, 150]);
  });

  it("pays each skipped level once, and none again however the level moves", async () => {
    const c = await makeCharacter(db.client);
    await expect(setLevel(ladder, c.id, 12)).resolves.toMatchObject({ result: { rewardedLevels: [5, 10] } });
    expect(await standing(c.id, 166)).toBe(11);
    await setLevel(ladder, c.id, 3);
    await expect(setLevel(ladder, c.id, 30)).resolves.toMatchObject({ result: { before: 3, rewardedLevels: [20] } });
    for (const level of [0, 30, 7, 21, 30]) await expect(setLevel(ladder, c.id, level)).resolves.toMatchObject({ result: { rewardedLevels: [] } });
    expect(await standing(c.id, 166)).toBe(111);
  });

  it("keeps characters and paths apart", async () => {
    const [a, b] = [await makeCharacter(db.client), await makeCharacter(db.client)];
    await setLevel(ladder, a.id, 30);
    await expect(setLevel(ladder, b.id, 30)).resolves.toMatchObject({ result: { rewardedLevels: [5, 10, 20] } });
  });

  it("a path change that fails after claiming leaves the level unclaimed, so it pays later", async () => {
    const c = await makeCharacter(db.client);
    await expectDbError(setLevel(opts, c.id, 10, { faults: failAt("reputation.changed") }), DB_ERROR_CODES.INTERNAL);
    await expect(setLevel(opts, c.id, 10)).resolves.toMatchObject({ result: { rewardedLevels: [10] } });
    expect(await standing(c.id, 166)).toBe(150);
  });
});

describe("claimLevelRewards", () => {
  it("claims each level once per owner and track, returning the new ones ascending", async () => {
    const { id } = await makeCharacter(db.client);
    const character = { kind: "character", id } as const;
    await expect(claim(character, "pet:42", [3, 1, 3])).resolves.toEqual([1, 3]);
    await expect(claim(character, "pet:42", [1, 2, 3])).resolves.toEqual([2]);
    await expect(claim(character, "pet:43", [1])).resolves.toEqual([1]);
    await expect(claim({ kind: "account", id }, "pet:42", [1])).resolves.toEqual([1]);
    await expect(claim(character, "pet:42", [])).resolves.toEqual([]);
  });

  it.each([
    ["an unknown owner kind", { kind: "guild", id: 1 }, "vip", [1]],
    ["an owner id of 0", { kind: "account", id: 0 }, "vip", [1]],
    ["a level of 0", { kind: "account", id: 1 }, "vip", [0]],
    ["a malformed track", { kind: "account", id: 1 }, "Path Soldier", [1]],
  ])("refuses %s with INVALID_INPUT", async (_name, owner, track, levels) => {
    await expectDbError(claim(owner as LevelRewardOwner, track, levels), DB_ERROR_CODES.INVALID_INPUT);
  });

  it("the CHECK on owner_kind lists exactly LEVEL_REWARD_OWNER_KINDS", async () => {
    const [row] = await db.client.$queryRaw<Array<{ def: string }>>`SELECT pg_get_constraintdef(oid) AS "def" FROM pg_constraint
      WHERE conname = 'level_reward_claims_owner_kind_check'`;
    expect([...(row?.def ?? "").matchAll(/'([a-z]+)'/g)].map((m) => m[1])).toEqual([...LEVEL_REWARD_OWNER_KINDS]);
  });
});

const raceTitle = raceSuiteTitle("racing level rewards");

describe.skipIf(!onPostgres)(raceTitle, () => {
  it("ten callers claiming one level: exactly one gets it", async () => {
    const { id } = await makeCharacter(db.client);
    const results = await Promise.all(Array.from({ length: 10 }, () => claim({ kind: "character", id }, "path:settler", [10])));
    expect(results.flat()).toEqual([10]);
  });

  it("racing setPathLevel calls going 10, 0, 10 pay the level-10 reward once", async () => {
    const c = await makeCharacter(db.client);
    const chain = async () => {
      const paid: number[] = [];
      for (const level of [10, 0, 10, 0, 10]) paid.push(...(await setLevel(opts, c.id, level)).result.rewardedLevels);
      return paid;
    };
    const paid = (await Promise.all(Array.from({ length: 6 }, chain))).flat();
    expect(paid).toEqual([10]);
    expect([await standing(c.id, 166), await standing(c.id, 167)]).toEqual([150, 150]);
  });
});
