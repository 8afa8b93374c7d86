import { questSchema, Table, type GameData } from "@bezgelor/data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptQuest,
  completeQuest,
  DB_ERROR_CODES,
  getGold,
  getReputations,
  grantCurrency,
  listAccountTitles,
  listQuests,
  runTransaction,
  type ActionOptions,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";
import { failAt, snapshot } from "./state-snapshot.js";

let db: Database;
let opts: ActionOptions;
/** The shipped rules, with quest 5001 also rewarding title 9001. */
let withRewardTitle: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
  const { data } = opts.rules;
  const quests = data.quests
    .all()
    .map((q) => (q.id === 5001 ? questSchema.parse({ ...q, rewards: { ...q.rewards, gold: q.rewards.gold.toString(), titleId: 9001 } }) : q));
  const patched: GameData = { ...data, quests: new Table("quest", "quests.json", new Map(quests.map((q) => [q.id, q]))) };
  withRewardTitle = { ...opts, rules: { ...opts.rules, data: patched } };
});
afterAll(() => db.close());

const MAX_INT64 = 9223372036854775807n;
const UNKNOWN = 2_000_000_000;
const accept = (characterId: number, questId = 5001) => acceptQuest(db.client, { ...opts, characterId, questId });
const complete = (characterId: number, questId = 5001, more: Partial<ActionOptions> = {}) =>
  completeQuest(db.client, { ...opts, ...more, characterId, questId });
const ledger = (characterId: number) => db.client.currencyLedgerEntry.findMany({ where: { characterId }, orderBy: { id: "asc" } });

describe("acceptQuest", () => {
  it("accepts once with its event; again is QUEST_ALREADY_ACCEPTED, after completion QUEST_ALREADY_COMPLETED", async () => {
    const c = await makeCharacter(db.client);
    const { result, events } = await accept(c.id);
    expect(result).toEqual({ questId: 5001, state: "accepted", acceptedAt: expect.any(Date) });
    expect(events).toEqual([{ kind: "quest.state-changed", accountId: c.accountId, characterId: c.id, questId: 5001, state: "accepted" }]);
    const error = await expectDbError(accept(c.id), DB_ERROR_CODES.QUEST_ALREADY_ACCEPTED);
    expect(error.details).toEqual({ characterId: c.id, questId: 5001, state: "accepted" });
    await complete(c.id);
    await expectDbError(accept(c.id), DB_ERROR_CODES.QUEST_ALREADY_COMPLETED);
    expect(await db.client.gameEvent.count({ where: { characterId: c.id, kind: "quest.state-changed" } })).toBe(2);
  });

  it("throws UNKNOWN_GAME_DATA, CHARACTER_NOT_FOUND and INVALID_INPUT", async () => {
    const { id } = await makeCharacter(db.client);
    await expectDbError(accept(id, 42), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
    await expectDbError(accept(UNKNOWN), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(accept(1, 0), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(accept(0, 5001), DB_ERROR_CODES.INVALID_INPUT);
  });

  it("a refusal inside a caller's transaction does not abort it", async () => {
    const { id } = await makeCharacter(db.client);
    await accept(id, 5001);
    await runTransaction(db.client, async (tx) => {
      await expectDbError(acceptQuest(tx, { ...opts, characterId: id, questId: 5001 }), DB_ERROR_CODES.QUEST_ALREADY_ACCEPTED);
      await acceptQuest(tx, { ...opts, characterId: id, questId: 5002 });
    });
    expect((await listQuests(db.client, { characterId: id })).map((q) => q.questId)).toEqual([5001, 5002]);
  });
});

describe("completeQuest", () => {
  it("completes the quest and pays the data's rewards: state, gold with one ledger row, reputation, with their events", async () => {
    const c = await makeCharacter(db.client);
    await accept(c.id);
    const { result, events } = await complete(c.id);
    expect(result).toMatchObject({
      questId: 5001,
      gold: { amount: 500n, balance: 500n },
      xp: { gained: 1200, total: 1200, level: 4 }, // the shipped curve: level 4 at 1,000 XP, 5 at 2,000
      reputation: [{ factionId: 166, before: 0, after: 250 }],
      titles: [],
    });
    const levelUp = events.filter((e) => e.kind === "character.level-changed");
    expect(events.map((e) => e.kind)).toEqual([
      "quest.state-changed",
      "currency.changed",
      "experience.gained",
      ...levelUp.map((e) => e.kind),
      "reputation.changed",
    ]);
    expect(events.find((e) => e.kind === "experience.gained")).toMatchObject({
      characterId: c.id,
      amount: 1200,
      total: 1200,
      reason: "quest",
      source: "quest 5001",
    });
    const row = await db.client.character.findUniqueOrThrow({ where: { id: c.id } });
    expect({ xp: row.xp, level: row.level }).toEqual({ xp: 1200, level: result.xp!.level });
    expect(events[0]).toMatchObject({ state: "completed", questId: 5001 });
    expect(events[1]).toMatchObject({
      currency: "gold",
      delta: 500n,
      balanceBefore: 0n,
      balanceAfter: 500n,
      source: "quest",
      reason: "quest 5001",
      ledgerEntryId: result.gold!.ledgerEntryId,
    });
    expect(events.at(-1)).toMatchObject({ factionId: 166, delta: 250, source: "quest 5001" });
    expect((await ledger(c.id)).map((e) => [e.delta, e.balanceAfter, e.reason, e.source, e.actor])).toEqual([
      [500n, 500n, "quest 5001", "quest", "admin:test"],
    ]);
    await expect(getReputations(db.client, { characterId: c.id })).resolves.toEqual([{ factionId: 166, standing: 250 }]);
    const [quest] = await listQuests(db.client, { characterId: c.id });
    expect(quest).toMatchObject({ questId: 5001, state: "completed", completedAt: expect.any(Date) });
  });

  it("grants the titles the quest unlocks and those its reputation's level change unlocks, in one transaction", async () => {
    const c = await makeCharacter(db.client);
    await accept(c.id, 7500);
    await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 1n, reason: "x", source: "gm" });
    await db.client.characterReputation.create({ data: { characterId: c.id, factionId: 166, standing: 2500 } });
    const { result, events } = await complete(c.id, 7500);
    expect(result.titles).toEqual([1003, 3001]); // friendly with 166 (2500 + 1000), then the quest's own unlock
    expect(events.filter((e) => e.kind === "title.granted").map((e) => (e.kind === "title.granted" ? [e.titleId, e.source] : null))).toEqual([
      [1003, "reputation"],
      [3001, "quest"],
    ]);
  });

  it("grants the quest's reward title with the completion", async () => {
    const c = await makeCharacter(db.client);
    await acceptQuest(db.client, { ...withRewardTitle, characterId: c.id, questId: 5001 });
    const { result, events } = await completeQuest(db.client, { ...withRewardTitle, characterId: c.id, questId: 5001 });
    expect(result.titles).toEqual([9001]);
    expect(events.at(-1)).toEqual({ kind: "title.granted", accountId: c.accountId, characterId: c.id, titleId: 9001, source: "quest", expiresAt: null });
  });

  it("a quest whose reward title grant fails rolls back the whole completion; it can be completed again", async () => {
    const c = await makeCharacter(db.client);
    await acceptQuest(db.client, { ...withRewardTitle, characterId: c.id, questId: 5001 });
    const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
    await expectDbError(
      completeQuest(db.client, { ...withRewardTitle, faults: failAt("title.granted"), characterId: c.id, questId: 5001 }),
      DB_ERROR_CODES.INTERNAL,
    );
    await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
    expect(before.quests).toEqual([{ questId: 5001, state: "accepted" }]);
    const again = await completeQuest(db.client, { ...withRewardTitle, characterId: c.id, questId: 5001 });
    expect(again.result).toMatchObject({ gold: { balance: 500n }, titles: [9001] });
    expect((await listAccountTitles(db.client, { accountId: c.accountId })).map((t) => t.titleId)).toEqual([9001]);
  });

  it.each(["quest.completed", "quest.gold", "experience.gained", "character.level-changed", "reputation.changed", "titles.checked", "events"])(
    "a fault at %s leaves nothing changed and no event",
    async (step) => {
      const c = await makeCharacter(db.client);
      await accept(c.id);
      const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
      await expectDbError(complete(c.id, 5001, { faults: failAt(step) }), DB_ERROR_CODES.INTERNAL);
      await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
    },
  );

  it("grants nothing twice: a second completion is QUEST_ALREADY_COMPLETED", async () => {
    const { id } = await makeCharacter(db.client);
    await accept(id);
    await complete(id);
    await expectDbError(complete(id), DB_ERROR_CODES.QUEST_ALREADY_COMPLETED);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(500n);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([{ factionId: 166, standing: 250 }]);
    expect(await ledger(id)).toHaveLength(1);
  });

  it("throws QUEST_NOT_ACCEPTED, CHARACTER_NOT_FOUND, UNKNOWN_GAME_DATA", async () => {
    const { id } = await makeCharacter(db.client);
    await expectDbError(complete(id), DB_ERROR_CODES.QUEST_NOT_ACCEPTED);
    await expectDbError(complete(UNKNOWN), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(complete(id, 42), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(0n);
  });

  it("changes nothing when a reward fails (BALANCE_OVERFLOW): the quest stays accepted", async () => {
    const c = await makeCharacter(db.client);
    await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: MAX_INT64, reason: "grant", source: "gm" });
    await accept(c.id);
    const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
    await expectDbError(complete(c.id), DB_ERROR_CODES.BALANCE_OVERFLOW);
    await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
  });

  it("rolls back with a caller's transaction", async () => {
    const { id } = await makeCharacter(db.client);
    await accept(id);
    const failure = runTransaction(db.client, async (tx) => {
      await completeQuest(tx, { ...opts, characterId: id, questId: 5001 });
      throw new Error("rollback");
    });
    await expect(failure).rejects.toThrow("rollback");
    await expect(listQuests(db.client, { characterId: id })).resolves.toMatchObject([{ state: "accepted" }]);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(0n);
  });
});

describe("listQuests", () => {
  it("lists accepted and completed quests by quest id; empty for an unknown character", async () => {
    const { id } = await makeCharacter(db.client);
    await accept(id, 7500);
    await accept(id, 5001);
    await complete(id, 5001);
    await expect(listQuests(db.client, { characterId: id })).resolves.toEqual([
      { questId: 5001, state: "completed", acceptedAt: expect.any(Date), completedAt: expect.any(Date) },
      { questId: 7500, state: "accepted", acceptedAt: expect.any(Date), completedAt: null },
    ]);
    await expect(listQuests(db.client, { characterId: UNKNOWN })).resolves.toEqual([]);
    await expectDbError(listQuests(db.client, { characterId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
  });

  it("the database refuses an unknown state and a completed quest without completed_at (CHECKs)", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(db.client.characterQuest.create({ data: { characterId: id, questId: 1, state: "abandoned" } })).rejects.toThrow();
    await expect(db.client.characterQuest.create({ data: { characterId: id, questId: 1, state: "completed" } })).rejects.toThrow();
    await expect(db.client.characterQuest.create({ data: { characterId: id, questId: 1, state: "accepted", completedAt: new Date() } })).rejects.toThrow();
  });
});
