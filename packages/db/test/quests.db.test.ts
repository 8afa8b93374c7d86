import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptQuest,
  addGold,
  completeQuest,
  DB_ERROR_CODES,
  getGold,
  getReputations,
  listQuests,
  runTransaction,
  type CompleteQuestOptions,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeCharacter } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const MAX_INT64 = 9223372036854775807n;
const UNKNOWN = 2_000_000_000;
const bounds = { min: -42000, max: 42000 };
const rewards = { gold: 500n, reputation: [{ factionId: 166, delta: 250 }] };
const complete = (characterId: number, questId = 5001, override: Partial<CompleteQuestOptions> = {}) =>
  completeQuest(db.client, { characterId, questId, rewards, bounds, ...override });
const ledger = (characterId: number) => db.client.goldLedgerEntry.findMany({ where: { characterId }, orderBy: { id: "asc" } });

describe("acceptQuest", () => {
  it("accepts once; again is QUEST_ALREADY_ACCEPTED, after completion QUEST_ALREADY_COMPLETED", async () => {
    const { id } = await makeCharacter(db.client);
    const accepted = await acceptQuest(db.client, { characterId: id, questId: 5001 });
    expect(accepted).toEqual({ questId: 5001, state: "accepted", acceptedAt: expect.any(Date) });
    const error = await expectDbError(acceptQuest(db.client, { characterId: id, questId: 5001 }), DB_ERROR_CODES.QUEST_ALREADY_ACCEPTED);
    expect(error.details).toEqual({ characterId: id, questId: 5001, state: "accepted" });
    await complete(id);
    await expectDbError(acceptQuest(db.client, { characterId: id, questId: 5001 }), DB_ERROR_CODES.QUEST_ALREADY_COMPLETED);
  });

  it("throws CHARACTER_NOT_FOUND and INVALID_INPUT", async () => {
    await expectDbError(acceptQuest(db.client, { characterId: UNKNOWN, questId: 5001 }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expectDbError(acceptQuest(db.client, { characterId: 1, questId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(acceptQuest(db.client, { characterId: 0, questId: 1 }), DB_ERROR_CODES.INVALID_INPUT);
  });

  it("a conflict does not abort a caller's transaction", async () => {
    const { id } = await makeCharacter(db.client);
    await acceptQuest(db.client, { characterId: id, questId: 1 });
    await runTransaction(db.client, async (tx) => {
      await expectDbError(acceptQuest(tx, { characterId: id, questId: 1 }), DB_ERROR_CODES.QUEST_ALREADY_ACCEPTED);
      await acceptQuest(tx, { characterId: id, questId: 2 });
    });
    expect((await listQuests(db.client, { characterId: id })).map((q) => q.questId)).toEqual([1, 2]);
  });
});

describe("completeQuest", () => {
  it("completes the quest and grants gold with one ledger row and the reputation", async () => {
    const { id } = await makeCharacter(db.client);
    await acceptQuest(db.client, { characterId: id, questId: 5001 });
    await expect(complete(id)).resolves.toEqual({ gold: { balance: 500n }, reputation: [{ factionId: 166, before: 0, after: 250 }] });
    expect((await ledger(id)).map((e) => [e.delta, e.balanceAfter, e.reason])).toEqual([[500n, 500n, "quest 5001"]]);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([{ factionId: 166, standing: 250 }]);
    const [quest] = await listQuests(db.client, { characterId: id });
    expect(quest).toMatchObject({ questId: 5001, state: "completed", completedAt: expect.any(Date) });
    expect(quest!.completedAt!.getTime()).toBeGreaterThanOrEqual(quest!.acceptedAt.getTime());
  });

  it("grants nothing twice: a second completion is QUEST_ALREADY_COMPLETED", async () => {
    const { id } = await makeCharacter(db.client);
    await acceptQuest(db.client, { characterId: id, questId: 5001 });
    await complete(id);
    await expectDbError(complete(id), DB_ERROR_CODES.QUEST_ALREADY_COMPLETED);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(500n);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([{ factionId: 166, standing: 250 }]);
    expect(await ledger(id)).toHaveLength(1);
  });

  it("takes a custom ledger reason; no gold means no ledger row and gold null; rewards are clamped", async () => {
    const { id } = await makeCharacter(db.client);
    await acceptQuest(db.client, { characterId: id, questId: 7 });
    await expect(complete(id, 7, { reason: "turn-in 7 at npc 42" })).resolves.toMatchObject({ gold: { balance: 500n } });
    expect((await ledger(id)).map((e) => e.reason)).toEqual(["turn-in 7 at npc 42"]);
    await acceptQuest(db.client, { characterId: id, questId: 8 });
    const result = await complete(id, 8, { rewards: { gold: 0n, reputation: [{ factionId: 167, delta: -5000 }] }, bounds: { min: -100, max: 100 } });
    expect(result).toEqual({ gold: null, reputation: [{ factionId: 167, before: 0, after: -100 }] });
    await acceptQuest(db.client, { characterId: id, questId: 9 });
    await expect(complete(id, 9, { rewards: { gold: 0n, reputation: [] } })).resolves.toEqual({ gold: null, reputation: [] });
    expect(await ledger(id)).toHaveLength(1);
  });

  it("throws QUEST_NOT_ACCEPTED for a quest never accepted, CHARACTER_NOT_FOUND for an unknown character", async () => {
    const { id } = await makeCharacter(db.client);
    await expectDbError(complete(id), DB_ERROR_CODES.QUEST_NOT_ACCEPTED);
    await expectDbError(complete(UNKNOWN), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(0n);
  });

  it("changes nothing when a reward fails (BALANCE_OVERFLOW): the quest stays accepted", async () => {
    const { id } = await makeCharacter(db.client);
    await addGold(db.client, { characterId: id, amount: MAX_INT64, reason: "grant" });
    await acceptQuest(db.client, { characterId: id, questId: 5001 });
    await expectDbError(complete(id), DB_ERROR_CODES.BALANCE_OVERFLOW);
    await expect(listQuests(db.client, { characterId: id })).resolves.toMatchObject([{ questId: 5001, state: "accepted", completedAt: null }]);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([]);
    expect(await ledger(id)).toHaveLength(1);
  });

  it("rolls back with a caller's transaction", async () => {
    const { id } = await makeCharacter(db.client);
    await acceptQuest(db.client, { characterId: id, questId: 5001 });
    const failure = runTransaction(db.client, async (tx) => {
      await completeQuest(tx, { characterId: id, questId: 5001, rewards, bounds });
      throw new Error("rollback");
    });
    await expect(failure).rejects.toThrow("rollback");
    await expect(listQuests(db.client, { characterId: id })).resolves.toMatchObject([{ state: "accepted" }]);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(0n);
  });

  it.each([
    ["a negative gold reward", { rewards: { gold: -1n, reputation: [] } }, DB_ERROR_CODES.INVALID_AMOUNT],
    ["a gold reward that is a number", { rewards: { gold: 5, reputation: [] } }, DB_ERROR_CODES.INVALID_AMOUNT],
    ["a gold reward past 2^63-1", { rewards: { gold: MAX_INT64 + 1n, reputation: [] } }, DB_ERROR_CODES.INVALID_AMOUNT],
    ["a zero reputation delta", { rewards: { gold: 1n, reputation: [{ factionId: 166, delta: 0 }] } }, DB_ERROR_CODES.INVALID_INPUT],
    ["missing rewards", { rewards: undefined }, DB_ERROR_CODES.INVALID_INPUT],
    ["min above max", { bounds: { min: 1, max: 0 } }, DB_ERROR_CODES.INVALID_INPUT],
    ["an over-long reason", { reason: "r".repeat(65) }, DB_ERROR_CODES.INVALID_INPUT],
    ["a malformed quest id", { questId: -1 }, DB_ERROR_CODES.INVALID_INPUT],
  ])("rejects %s before changing anything", async (_label, override, code) => {
    const { id } = await makeCharacter(db.client);
    await acceptQuest(db.client, { characterId: id, questId: 5001 });
    await expectDbError(complete(id, 5001, override as never), code);
    await expect(listQuests(db.client, { characterId: id })).resolves.toMatchObject([{ state: "accepted" }]);
  });
});

describe("listQuests", () => {
  it("lists accepted and completed quests by quest id; empty for an unknown character", async () => {
    const { id } = await makeCharacter(db.client);
    await acceptQuest(db.client, { characterId: id, questId: 30 });
    await acceptQuest(db.client, { characterId: id, questId: 10 });
    await complete(id, 10);
    await expect(listQuests(db.client, { characterId: id })).resolves.toEqual([
      { questId: 10, state: "completed", acceptedAt: expect.any(Date), completedAt: expect.any(Date) },
      { questId: 30, state: "accepted", acceptedAt: expect.any(Date), completedAt: null },
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
