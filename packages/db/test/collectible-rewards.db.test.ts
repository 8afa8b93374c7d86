// Issue 14: quests and achievements grant mounts and pets from the game data through the same
// unlock as a purchase, inside their own transaction: a quest's to the character (source
// "quest"), an achievement's to the account (source "achievement"), once, with their events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptQuest,
  completeQuest,
  DB_ERROR_CODES,
  getAccountCollection,
  getCharacterCollection,
  grantAchievement,
  unlockCollectible,
  type ActionOptions,
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
/** Quest 5002 grants mount 1003 (Grinder), vanity pet 3002 and combat pet 2002; achievement 500 grants mount 1002 (Trask). */
const QUEST = 5002;
const ACHIEVEMENT = 500;
const QUEST_GRANTS = [
  { collectibleType: "mount", collectibleId: 1003 },
  { collectibleType: "vanity_pet", collectibleId: 3002 },
  { collectibleType: "pet", collectibleId: 2002 },
];
const accept = (c: Owner) => acceptQuest(db.client, { ...opts, characterId: c.id, questId: QUEST });
const complete = (c: Owner, more: Partial<ActionOptions> = {}) => completeQuest(db.client, { ...opts, ...more, characterId: c.id, questId: QUEST });
const earn = (c: Owner) => grantAchievement(db.client, { ...opts, characterId: c.id, achievementId: ACHIEVEMENT });
const owned = async (c: Owner) => ({
  account: (await getAccountCollection(db.client, { accountId: c.accountId })).map((e) => [e.collectibleType, e.collectibleId, e.unlockSource]),
  character: (await getCharacterCollection(db.client, { characterId: c.id })).map((e) => [e.collectibleType, e.collectibleId, e.unlockSource]),
});
const unlockEvents = (events: ReadonlyArray<{ kind: string }>) => events.filter((e) => e.kind === "collection.unlocked");

describe("a quest's mounts and pets", () => {
  it("go to the completing character with source quest, after the quest's other rewards, with an event each", async () => {
    const c = await makeCharacter(db.client);
    await accept(c);
    const { result, events } = await complete(c);
    expect(result.collectibles).toEqual(QUEST_GRANTS);
    expect(unlockEvents(events)).toEqual(
      QUEST_GRANTS.map((g) => ({ kind: "collection.unlocked", accountId: c.accountId, characterId: c.id, scope: "character", source: "quest", ...g })),
    );
    expect(events.at(-1)?.kind).toBe("collection.unlocked");
    expect(await owned(c)).toEqual({
      account: [],
      character: [
        ["mount", 1003, "quest"],
        ["pet", 2002, "quest"],
        ["vanity_pet", 3002, "quest"],
      ],
    });
    expect(await db.client.gameEvent.count({ where: { characterId: c.id, kind: "collection.unlocked" } })).toBe(3);
  });

  it("are granted once: completing again is refused and adds nothing; another character of the account has none", async () => {
    const account = await makeAccount(db.client);
    const [a, b] = [await makeCharacter(db.client, { accountId: account.id }), await makeCharacter(db.client, { accountId: account.id })];
    await accept(a);
    await complete(a);
    await expectDbError(complete(a), DB_ERROR_CODES.QUEST_ALREADY_COMPLETED);
    expect((await owned(a)).character).toHaveLength(3);
    expect(await db.client.gameEvent.count({ where: { characterId: a.id, kind: "collection.unlocked" } })).toBe(3);
    expect(await owned(b)).toEqual({ account: [], character: [] });
  });

  it("skips a mount the account owns already and grants the rest", async () => {
    const c = await makeCharacter(db.client);
    await unlockCollectible(db.client, {
      ...opts,
      scope: "account",
      accountId: c.accountId,
      characterId: c.id,
      collectibleType: "mount",
      collectibleId: 1003,
      source: "purchase",
    });
    await accept(c);
    const { result, events } = await complete(c);
    expect(result.collectibles).toEqual(QUEST_GRANTS.slice(1));
    expect(unlockEvents(events)).toHaveLength(2);
    expect(await owned(c)).toEqual({
      account: [["mount", 1003, "purchase"]],
      character: [
        ["pet", 2002, "quest"],
        ["vanity_pet", 3002, "quest"],
      ],
    });
  });

  it("roll back with the quest when an unlock fails: the quest can be completed again and pays them then", async () => {
    const c = await makeCharacter(db.client);
    await accept(c);
    await expectDbError(complete(c, { faults: failAt("collection.unlocked") }), DB_ERROR_CODES.INTERNAL);
    expect(await owned(c)).toEqual({ account: [], character: [] });
    expect((await db.client.characterQuest.findFirstOrThrow({ where: { characterId: c.id, questId: QUEST } })).state).toBe("accepted");
    expect((await complete(c)).result.collectibles).toEqual(QUEST_GRANTS);
  });
});

describe("an achievement's mounts and pets", () => {
  it("go to the whole account with source achievement; a second character earning it adds nothing", async () => {
    const account = await makeAccount(db.client);
    const [a, b] = [await makeCharacter(db.client, { accountId: account.id }), await makeCharacter(db.client, { accountId: account.id })];
    const first = await earn(a);
    expect(first.result).toMatchObject({ granted: true, collectibles: [{ collectibleType: "mount", collectibleId: 1002 }] });
    expect(unlockEvents(first.events)).toEqual([
      {
        kind: "collection.unlocked",
        accountId: account.id,
        characterId: a.id,
        scope: "account",
        source: "achievement",
        collectibleType: "mount",
        collectibleId: 1002,
      },
    ]);
    expect(await owned(b)).toEqual({ account: [["mount", 1002, "achievement"]], character: [] });
    const second = await earn(b);
    expect(second.result).toMatchObject({ granted: true, collectibles: [] });
    expect(unlockEvents(second.events)).toEqual([]);
    const again = await earn(a);
    expect(again).toMatchObject({ result: { granted: false, collectibles: [] }, events: [] });
    expect(await db.client.accountCollection.count({ where: { accountId: account.id } })).toBe(1);
  });

  it("rolls back with the achievement when the unlock fails", async () => {
    const c = await makeCharacter(db.client);
    await expectDbError(
      grantAchievement(db.client, { ...opts, faults: failAt("collection.unlocked"), characterId: c.id, achievementId: ACHIEVEMENT }),
      DB_ERROR_CODES.INTERNAL,
    );
    expect(await db.client.characterAchievement.count({ where: { characterId: c.id } })).toBe(0);
    expect(await owned(c)).toEqual({ account: [], character: [] });
  });
});

describe.skipIf(!onPostgres)(raceSuiteTitle("racing quest and achievement grants"), () => {
  it("concurrent completions of one quest grant its mounts and pets once", async () => {
    for (let round = 0; round < 3; round++) {
      const c = await makeCharacter(db.client);
      await accept(c);
      const results = await Promise.allSettled([complete(c), complete(c), complete(c)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((await owned(c)).character).toHaveLength(3);
      expect(await db.client.gameEvent.count({ where: { characterId: c.id, kind: "collection.unlocked" } })).toBe(3);
    }
  });

  it("two characters of one account earning the achievement at once give one account row and one unlock event", async () => {
    for (let round = 0; round < 3; round++) {
      const account = await makeAccount(db.client);
      const [a, b] = [await makeCharacter(db.client, { accountId: account.id }), await makeCharacter(db.client, { accountId: account.id })];
      const results = await Promise.all([earn(a), earn(b), earn(a)]);
      expect(results.flatMap((r) => unlockEvents(r.events))).toHaveLength(1);
      expect(results.filter((r) => r.result.granted)).toHaveLength(2);
      expect(await db.client.accountCollection.findMany({ where: { accountId: account.id }, select: { collectibleId: true, unlockSource: true } })).toEqual([
        { collectibleId: 1002, unlockSource: "achievement" },
      ]);
    }
  });
});
