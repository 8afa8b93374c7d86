import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeReputation, DB_ERROR_CODES, getReputations, runTransaction, type Database } from "../src/index.js";
import { createTestDatabase, makeCharacter } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const bounds = { min: -42000, max: 42000 };
const change = (characterId: number, changes: Array<{ factionId: number; delta: number }>, b = bounds) =>
  changeReputation(db.client, { characterId, changes, bounds: b, source: "test" });

describe("getReputations", () => {
  it("is empty for a new character and ordered by faction id afterwards", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([]);
    await change(id, [
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

describe("changeReputation", () => {
  it("counts a missing standing as 0 and returns before and after in the order given", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(
      change(id, [
        { factionId: 167, delta: -10 },
        { factionId: 166, delta: 25 },
      ]),
    ).resolves.toEqual([
      { factionId: 167, before: 0, after: -10 },
      { factionId: 166, before: 0, after: 25 },
    ]);
    await expect(change(id, [{ factionId: 166, delta: 250 }])).resolves.toEqual([{ factionId: 166, before: 25, after: 275 }]);
  });

  it("applies repeated factions one after the other, each clamped", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(
      change(
        id,
        [
          { factionId: 166, delta: 80 },
          { factionId: 166, delta: 80 },
          { factionId: 166, delta: -30 },
        ],
        { min: -100, max: 100 },
      ),
    ).resolves.toEqual([
      { factionId: 166, before: 0, after: 80 },
      { factionId: 166, before: 80, after: 100 },
      { factionId: 166, before: 100, after: 70 },
    ]);
  });

  it("clamps to both bounds, also for deltas beyond 32 bits", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(change(id, [{ factionId: 166, delta: 2 ** 40 }])).resolves.toEqual([{ factionId: 166, before: 0, after: 42000 }]);
    await expect(change(id, [{ factionId: 166, delta: 1 }])).resolves.toEqual([{ factionId: 166, before: 42000, after: 42000 }]);
    await expect(change(id, [{ factionId: 166, delta: -Number.MAX_SAFE_INTEGER }])).resolves.toEqual([{ factionId: 166, before: 42000, after: -42000 }]);
    // a narrower scale clamps an existing standing on its next change
    await expect(change(id, [{ factionId: 166, delta: 1 }], { min: -16000, max: 32000 })).resolves.toEqual([{ factionId: 166, before: -42000, after: -16000 }]);
  });

  it("changes nothing for an empty list", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(change(id, [])).resolves.toEqual([]);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([]);
  });

  it("joins a caller's transaction and rolls back with it", async () => {
    const { id } = await makeCharacter(db.client);
    await change(id, [{ factionId: 166, delta: 5 }]);
    const failure = runTransaction(db.client, async (tx) => {
      await changeReputation(tx, { characterId: id, changes: [{ factionId: 166, delta: 100 }], bounds, source: "test" });
      throw new Error("rollback");
    });
    await expect(failure).rejects.toThrow("rollback");
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([{ factionId: 166, standing: 5 }]);
  });

  it("throws CHARACTER_NOT_FOUND for an unknown character", async () => {
    await expectDbError(change(2_000_000_000, [{ factionId: 166, delta: 1 }]), DB_ERROR_CODES.CHARACTER_NOT_FOUND);
  });

  it.each([
    ["a zero delta", { changes: [{ factionId: 166, delta: 0 }] }],
    ["a fractional delta", { changes: [{ factionId: 166, delta: 1.5 }] }],
    ["an unsafe delta", { changes: [{ factionId: 166, delta: 2 ** 60 }] }],
    ["faction id 0", { changes: [{ factionId: 0, delta: 1 }] }],
    ["faction id 16384", { changes: [{ factionId: 16384, delta: 1 }] }],
    ["more than 100 changes", { changes: Array.from({ length: 101 }, () => ({ factionId: 166, delta: 1 })) }],
    ["min above max", { bounds: { min: 10, max: -10 } }],
    ["bounds beyond 32 bits", { bounds: { min: -(2 ** 31) - 1, max: 0 } }],
    ["an empty source", { source: " " }],
    ["a malformed character id", { characterId: -1 }],
  ])("rejects %s with INVALID_INPUT", async (_label, override) => {
    const { id } = await makeCharacter(db.client);
    const options = { characterId: id, changes: [{ factionId: 166, delta: 1 }], bounds, source: "test", ...override };
    await expectDbError(changeReputation(db.client, options), DB_ERROR_CODES.INVALID_INPUT);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([]);
  });

  it("the database refuses a faction id outside 1..16383 even when code is bypassed (CHECK)", async () => {
    const { id } = await makeCharacter(db.client);
    await expect(db.client.characterReputation.create({ data: { characterId: id, factionId: 16384, standing: 0 } })).rejects.toThrow();
  });
});
