import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  awardReputation,
  countKill,
  DB_ERROR_CODES,
  grantExperience,
  MAX_CHARACTER_XP,
  getReputations,
  runTransaction,
  type ActionOptions,
  type Database,
} from "../src/index.js";
import { createTestDatabase, loadTestRules, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";
import { failAt, snapshot } from "./state-snapshot.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

const award = (characterId: number, changes: Array<{ factionId: number; delta: number }>, more: Partial<ActionOptions> = {}) =>
  awardReputation(db.client, { ...opts, ...more, characterId, changes, source: "test" });

describe("getReputations", () => {
  it("is empty for a new character and ordered by faction id afterwards", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([]);
    await award(id, [
      { factionId: 167, delta: -10 },
      { factionId: 166, delta: 25 },
    ]);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([
      { factionId: 166, standing: 25 },
      { factionId: 167, standing: -10 },
    ]);
  });

  it("is empty for an unknown character and rejects a malformed id with INVALID_INPUT", async () => {
    await expect(getReputations(db.client, { characterId: 2_000_000_000 })).resolves.toEqual([]);
    await expectDbError(getReputations(db.client, { characterId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
  });
});

describe("awardReputation", () => {
  it("counts a missing standing as 0 and returns before, after and levels in the order given, with one event each", async () => {
    const c = await makeCharacter(db.client);
    const { result, events } = await award(c.id, [
      { factionId: 167, delta: -10 },
      { factionId: 166, delta: 25 },
    ]);
    expect(result).toEqual({
      changes: [
        { factionId: 167, before: 0, after: -10, levelBefore: "neutral", levelAfter: "unfriendly" },
        { factionId: 166, before: 0, after: 25, levelBefore: "neutral", levelAfter: "neutral" },
      ],
      titles: [],
    });
    expect(events).toEqual([
      {
        kind: "reputation.changed",
        accountId: c.accountId,
        characterId: c.id,
        factionId: 167,
        delta: -10,
        before: 0,
        after: -10,
        levelBefore: "neutral",
        levelAfter: "unfriendly",
        source: "test",
      },
      {
        kind: "reputation.changed",
        accountId: c.accountId,
        characterId: c.id,
        factionId: 166,
        delta: 25,
        before: 0,
        after: 25,
        levelBefore: "neutral",
        levelAfter: "neutral",
        source: "test",
      },
    ]);
    expect(await db.client.gameEvent.count({ where: { characterId: c.id, kind: "reputation.changed" } })).toBe(2);
  });

  it("a level change grants the titles it unlocks in the same action (title.granted after the standings)", async () => {
    const c = await makeCharacter(db.client);
    const { result, events } = await award(c.id, [{ factionId: 166, delta: 3000 }]);
    expect(result.titles).toEqual([1003]);
    expect(events.map((e) => e.kind)).toEqual(["reputation.changed", "title.granted"]);
    expect(events[1]).toEqual({ kind: "title.granted", accountId: c.accountId, characterId: c.id, titleId: 1003, source: "reputation", expiresAt: null });
    // staying inside friendly checks nothing and grants nothing again
    await expect(award(c.id, [{ factionId: 166, delta: 10 }])).resolves.toMatchObject({ result: { titles: [] }, events: [{ kind: "reputation.changed" }] });
  });

  it("applies repeated factions one after the other, clamped to the scale's bounds (delta is what was applied)", async () => {
    const { id } = await makeCharacter(db.client);
    const { result, events } = await award(id, [
      { factionId: 166, delta: 2 ** 40 },
      { factionId: 166, delta: 1 },
      { factionId: 166, delta: -Number.MAX_SAFE_INTEGER },
    ]);
    expect(result.changes.map((r) => [r.before, r.after])).toEqual([
      [0, 42999],
      [42999, 42999],
      [42999, -42000],
    ]);
    expect(events.filter((e) => e.kind === "reputation.changed").map((e) => (e.kind === "reputation.changed" ? e.delta : null))).toEqual([42999, 0, -84999]);
  });

  it("a narrower scale clamps an existing standing on its next change", async () => {
    const { id } = await makeCharacter(db.client);
    await award(id, [{ factionId: 166, delta: -42000 }]);
    const wildstar = await loadTestRules("wildstar");
    const { result } = await award(id, [{ factionId: 166, delta: 1 }], { rules: wildstar });
    expect(result.changes[0]!.after).toBe(wildstar.scale.minStanding);
  });

  it("changes nothing for an empty list", async () => {
    const c = await makeCharacter(db.client);
    await expect(award(c.id, [])).resolves.toMatchObject({ result: { changes: [], titles: [] }, events: [] });
    await expect(getReputations(db.client, { characterId: c.id })).resolves.toEqual([]);
  });

  it.each(["reputation.changed", "titles.checked", "title.granted", "events"])("a fault at %s leaves nothing changed and no event", async (step) => {
    const c = await makeCharacter(db.client);
    const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
    await expectDbError(award(c.id, [{ factionId: 166, delta: 3000 }], { faults: failAt(step) }), DB_ERROR_CODES.INTERNAL);
    await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
  });

  it("joins a caller's transaction and rolls back with it, events included", async () => {
    const c = await makeCharacter(db.client);
    await award(c.id, [{ factionId: 166, delta: 5 }]);
    const failure = runTransaction(db.client, async (tx) => {
      await awardReputation(tx, { ...opts, characterId: c.id, changes: [{ factionId: 166, delta: 100 }], source: "test" });
      throw new Error("rollback");
    });
    await expect(failure).rejects.toThrow("rollback");
    await expect(getReputations(db.client, { characterId: c.id })).resolves.toEqual([{ factionId: 166, standing: 5 }]);
    expect(await db.client.gameEvent.count({ where: { characterId: c.id } })).toBe(1);
  });

  it("throws CHARACTER_NOT_FOUND for an unknown character and UNKNOWN_GAME_DATA for a faction the data lacks", async () => {
    await expectDbError(award(2_000_000_000, [{ factionId: 166, delta: 1 }]), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    const { id } = await makeCharacter(db.client);
    await expectDbError(award(id, [{ factionId: 999, delta: 1 }]), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
  });

  it.each([
    ["a zero delta", { changes: [{ factionId: 166, delta: 0 }] }],
    ["a fractional delta", { changes: [{ factionId: 166, delta: 1.5 }] }],
    ["an unsafe delta", { changes: [{ factionId: 166, delta: 2 ** 60 }] }],
    ["faction id 0", { changes: [{ factionId: 0, delta: 1 }] }],
    ["faction id 16384", { changes: [{ factionId: 16384, delta: 1 }] }],
    ["more than 100 changes", { changes: Array.from({ length: 101 }, () => ({ factionId: 166, delta: 1 })) }],
    ["an empty source", { source: " " }],
    ["a malformed character id", { characterId: -1 }],
  ])("rejects %s with INVALID_INPUT", async (_label, override) => {
    const { id } = await makeCharacter(db.client);
    const options = { ...opts, characterId: id, changes: [{ factionId: 166, delta: 1 }], source: "test", ...override };
    await expectDbError(awardReputation(db.client, options), DB_ERROR_CODES.INVALID_INPUT);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([]);
  });

  it("the database refuses a faction id outside 1..16383 even when code is bypassed (CHECK)", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(db.client.characterReputation.create({ data: { characterId: id, factionId: 16384, standing: 0 } })).rejects.toThrow();
  });
});

describe("countKill", () => {
  it("applies the creature's rewards from the data: creature.killed, each reputation.changed, then its XP (experience.gained)", async () => {
    const c = await makeCharacter(db.client);
    const { result, events } = await countKill(db.client, { ...opts, characterId: c.id, creatureId: 12345 });
    expect(result).toMatchObject({
      creatureId: 12345,
      changes: [
        { factionId: 166, after: 25 },
        { factionId: 167, after: -10 },
      ],
      titles: [],
      xp: { gained: 120, total: 120, level: 2 },
    });
    // 120 XP takes a new character to level 2 (character-levels.json: level 2 at 100).
    expect(events.map((e) => e.kind)).toEqual(["creature.killed", "reputation.changed", "reputation.changed", "experience.gained", "character.level-changed"]);
    expect(events[4]).toEqual({ kind: "character.level-changed", accountId: c.accountId, characterId: c.id, from: 1, level: 2 });
    expect(events[3]).toEqual({
      kind: "experience.gained",
      accountId: c.accountId,
      characterId: c.id,
      amount: 120,
      total: 120,
      reason: "kill",
      source: "kill 12345",
    });
    const again = await countKill(db.client, { ...opts, characterId: c.id, creatureId: 12345 });
    expect(again.result.xp).toEqual({ gained: 120, total: 240, level: 2 });
    expect(again.events.map((e) => e.kind)).not.toContain("character.level-changed");
    await expect(db.client.character.findUniqueOrThrow({ where: { id: c.id } })).resolves.toMatchObject({ xp: 240, level: 2 });
    expect(events[0]).toEqual({ kind: "creature.killed", accountId: c.accountId, characterId: c.id, creatureId: 12345 });
    expect(events[1]).toMatchObject({ source: "kill 12345", delta: 25 });
  });

  it("a creature without rewards is still a kill; an unknown creature is UNKNOWN_GAME_DATA and changes nothing", async () => {
    const c = await makeCharacter(db.client);
    await expect(countKill(db.client, { ...opts, characterId: c.id, creatureId: 12347 })).resolves.toMatchObject({
      events: [{ kind: "creature.killed" }, { kind: "experience.gained", amount: 80 }],
    });
    // A creature that gives no XP grants none and writes no experience event.
    await expect(countKill(db.client, { ...opts, characterId: c.id, creatureId: 12352 })).resolves.toMatchObject({
      result: { xp: null },
      events: [{ kind: "creature.killed" }],
    });
    const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
    await expectDbError(countKill(db.client, { ...opts, characterId: c.id, creatureId: 1 }), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
    await expectDbError(countKill(db.client, { ...opts, characterId: 2_000_000_000, creatureId: 12345 }), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
    await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
  });

  it.each(["creature.killed", "reputation.changed", "experience.gained", "character.level-changed", "events"])(
    "a fault at %s leaves nothing changed and no event",
    async (step) => {
      const c = await makeCharacter(db.client);
      const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
      await expectDbError(countKill(db.client, { ...opts, faults: failAt(step), characterId: c.id, creatureId: 12345 }), DB_ERROR_CODES.INTERNAL);
      await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
    },
  );
});

describe("grantExperience", () => {
  it("raises the level at exactly the XP the next level takes, several levels at once, with one event", async () => {
    const c = await makeCharacter(db.client);
    const grant = (amount: number) => grantExperience(db.client, { ...opts, characterId: c.id, amount, reason: "gm", source: "test" });
    // character-levels.json: level 2 at 100, level 3 at 400, level 4 at 1000.
    await expect(grant(99)).resolves.toMatchObject({ result: { total: 99, level: 1 }, events: [{ kind: "experience.gained" }] });
    await expect(grant(1)).resolves.toMatchObject({
      result: { total: 100, level: 2 },
      events: [{ kind: "experience.gained" }, { kind: "character.level-changed", from: 1, level: 2 }],
    });
    await expect(grant(900)).resolves.toMatchObject({
      result: { total: 1000, level: 4 },
      events: [{}, { kind: "character.level-changed", from: 2, level: 4 }],
    });
    await expect(db.client.character.findUniqueOrThrow({ where: { id: c.id } })).resolves.toMatchObject({ xp: 1000, level: 4 });
  });

  it("never lowers a level set above what the XP reaches", async () => {
    const c = await makeCharacter(db.client);
    await db.client.character.update({ where: { id: c.id }, data: { level: 10 } });
    await expect(grantExperience(db.client, { ...opts, characterId: c.id, amount: 120, reason: "kill", source: "test" })).resolves.toMatchObject({
      result: { total: 120, level: 10 },
      events: [{ kind: "experience.gained" }],
    });
  });

  it("adds up, caps at the column's limit (reporting only what was added) and refuses unknown characters", async () => {
    const c = await makeCharacter(db.client);
    const grant = (amount: number) => grantExperience(db.client, { ...opts, characterId: c.id, amount, reason: "gm", source: "test" });
    await expect(grant(5)).resolves.toMatchObject({ result: { gained: 5, total: 5, level: 1 }, events: [{ kind: "experience.gained", amount: 5, total: 5 }] });
    await expect(grant(MAX_CHARACTER_XP)).resolves.toMatchObject({ result: { gained: MAX_CHARACTER_XP - 5, total: MAX_CHARACTER_XP, level: 50 } });
    await expect(grant(1)).resolves.toMatchObject({ result: { gained: 0, total: MAX_CHARACTER_XP, level: 50 }, events: [] });
    await expectDbError(
      grantExperience(db.client, { ...opts, characterId: 2_000_000_000, amount: 1, reason: "gm", source: "test" }),
      DB_ERROR_CODES.CHARACTER_NOT_FOUND,
    );
    await expectDbError(grantExperience(db.client, { ...opts, characterId: c.id, amount: 0, reason: "gm", source: "test" }), DB_ERROR_CODES.INVALID_AMOUNT);
  });
});
