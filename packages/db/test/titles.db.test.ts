import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DB_ERROR_CODES,
  getActiveTitle,
  grantTitle,
  listAccountTitles,
  revokeTitle,
  runTransaction,
  setActiveTitle,
  type ActionOptions,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeAccount, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";
import { failAt, snapshot } from "./state-snapshot.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

const T0 = new Date("2030-01-01T00:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const THIRTY_DAYS = 2592000; // title 6001's durationSeconds in the shipped data
const UNKNOWN = 2_000_000_000;
const grant = (accountId: number, titleId: number, more: Partial<ActionOptions> & { source?: "gm" | "event" | "reputation" } = {}) =>
  grantTitle(db.client, { ...opts, source: "gm", ...more, accountId, titleId });
const setActive = (accountId: number, titleId: number | null, now?: Date) => setActiveTitle(db.client, { ...opts, now, accountId, titleId });
const revoke = (accountId: number, titleId: number) => revokeTitle(db.client, { ...opts, accountId, titleId });

describe("grantTitle", () => {
  it("grants once with a title.granted event; a second grant changes nothing and emits nothing", async () => {
    const { id } = await makeAccount(db.client);
    const first = await grant(id, 1001, { source: "reputation", now: T0 });
    expect(first.result).toEqual({ granted: true, title: { titleId: 1001, unlockedAt: T0, source: "reputation", expiresAt: null } });
    expect(first.events).toEqual([{ kind: "title.granted", accountId: id, characterId: null, titleId: 1001, source: "reputation", expiresAt: null }]);
    const again = await grant(id, 1001, { now: at(60) });
    expect(again.result).toEqual({ granted: false, title: first.result.title });
    expect(again.events).toEqual([]);
    expect(await db.client.accountTitle.count({ where: { accountId: id } })).toBe(1);
    expect(await db.client.gameEvent.count({ where: { accountId: id } })).toBe(1);
  });

  it("an event title expires after its data duration and is renewed once expired, not while it runs", async () => {
    const { id } = await makeAccount(db.client);
    const first = await grant(id, 6001, { source: "event", now: T0 });
    expect(first.result).toMatchObject({ granted: true, title: { unlockedAt: T0, expiresAt: at(THIRTY_DAYS) } });
    await expect(grant(id, 6001, { source: "event", now: at(THIRTY_DAYS - 1) })).resolves.toMatchObject({ result: { granted: false }, events: [] });
    const renewed = await grant(id, 6001, { source: "event", now: at(THIRTY_DAYS) });
    expect(renewed.result).toEqual({ granted: true, title: { titleId: 6001, unlockedAt: at(THIRTY_DAYS), source: "event", expiresAt: at(2 * THIRTY_DAYS) } });
    expect(renewed.events).toMatchObject([{ kind: "title.granted", titleId: 6001, expiresAt: at(2 * THIRTY_DAYS) }]);
  });

  it("names the character whose progress unlocked it", async () => {
    const c = await makeCharacter(db.client);
    await expect(grant(c.accountId, 9001, { characterId: c.id } as never)).resolves.toMatchObject({ events: [{ characterId: c.id }] });
  });

  it("throws UNKNOWN_GAME_DATA for a title the data lacks, ACCOUNT_NOT_FOUND for an unknown account", async () => {
    const { id } = await makeAccount(db.client);
    await expectDbError(grant(id, 4242), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
    await expectDbError(grant(UNKNOWN, 1001), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
  });

  it.each([
    ["title id 0", { titleId: 0 }],
    ["title id 16384", { titleId: 16384 }],
    ["an unknown source", { source: "lottery" }],
    ["a malformed account id", { accountId: 1.5 }],
  ])("rejects %s with INVALID_INPUT", async (_label, override) => {
    const { id } = await makeAccount(db.client);
    await expectDbError(grantTitle(db.client, { ...opts, accountId: id, titleId: 1001, source: "gm", ...override } as never), DB_ERROR_CODES.INVALID_INPUT);
    expect(await db.client.accountTitle.count({ where: { accountId: id } })).toBe(0);
  });

  it.each(["title.granted", "events"])("a fault at %s leaves nothing changed and no event", async (step) => {
    const c = await makeCharacter(db.client);
    const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
    await expectDbError(grant(c.accountId, 1001, { faults: failAt(step) }), DB_ERROR_CODES.INTERNAL);
    await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
  });
});

describe("listAccountTitles", () => {
  it("lists owned titles by id and leaves out expired ones (expiresAt <= now)", async () => {
    const { id } = await makeAccount(db.client);
    await grant(id, 4001, { now: T0 });
    await grant(id, 1001, { now: T0 });
    await grant(id, 6001, { source: "event", now: T0 });
    const ids = async (now: Date) => (await listAccountTitles(db.client, { accountId: id, now })).map((t) => t.titleId);
    await expect(ids(at(THIRTY_DAYS - 1))).resolves.toEqual([1001, 4001, 6001]);
    await expect(ids(at(THIRTY_DAYS))).resolves.toEqual([1001, 4001]);
  });

  it("is empty for an unknown account; INVALID_INPUT for malformed input", async () => {
    await expect(listAccountTitles(db.client, { accountId: UNKNOWN })).resolves.toEqual([]);
    await expectDbError(listAccountTitles(db.client, { accountId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(listAccountTitles(db.client, { accountId: 1, now: "now" as never }), DB_ERROR_CODES.INVALID_INPUT);
  });
});

describe("setActiveTitle and getActiveTitle", () => {
  it("sets an owned title with a title.active-changed event; 0 and null clear it", async () => {
    const { id } = await makeAccount(db.client);
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBeNull();
    await grant(id, 1001);
    const set = await setActive(id, 1001);
    expect(set.result).toEqual({ activeTitleId: 1001, before: null });
    expect(set.events).toEqual([{ kind: "title.active-changed", accountId: id, characterId: null, titleId: 1001 }]);
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBe(1001);
    await expect(setActive(id, 0)).resolves.toMatchObject({ result: { activeTitleId: null, before: 1001 }, events: [{ titleId: null }] });
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBeNull();
    await setActive(id, 1001);
    await expect(setActive(id, null)).resolves.toMatchObject({ result: { activeTitleId: null } });
    await expect(db.client.account.findUniqueOrThrow({ where: { id } })).resolves.toMatchObject({ activeTitleId: null });
  });

  it("the event names the acting character", async () => {
    const c = await makeCharacter(db.client);
    await grant(c.accountId, 1001);
    const actor = { kind: "character" as const, accountId: c.accountId, characterId: c.id };
    await expect(setActiveTitle(db.client, { ...opts, actor, accountId: c.accountId, titleId: 1001 })).resolves.toMatchObject({
      events: [{ characterId: c.id }],
    });
  });

  it("refuses a title the account does not own, or no longer owns, with TITLE_NOT_OWNED; nothing changes, no event", async () => {
    const { id } = await makeAccount(db.client);
    await grant(id, 1001, { now: T0 });
    await grant(id, 6001, { source: "event", now: T0 });
    await setActive(id, 1001, T0);
    const events = await db.client.gameEvent.count({ where: { accountId: id } });
    const error = await expectDbError(setActive(id, 2001), DB_ERROR_CODES.TITLE_NOT_OWNED);
    expect(error.details).toEqual({ accountId: id, titleId: 2001 });
    await expectDbError(setActive(id, 6001, at(THIRTY_DAYS)), DB_ERROR_CODES.TITLE_NOT_OWNED);
    await expect(getActiveTitle(db.client, { accountId: id, now: T0 })).resolves.toBe(1001);
    expect(await db.client.gameEvent.count({ where: { accountId: id } })).toBe(events);
    const other = await makeAccount(db.client);
    await expectDbError(setActive(other.id, 1001), DB_ERROR_CODES.TITLE_NOT_OWNED);
  });

  it("an active title that has expired since reads as null", async () => {
    const { id } = await makeAccount(db.client);
    await grant(id, 6001, { source: "event", now: T0 });
    await setActive(id, 6001, at(50));
    await expect(getActiveTitle(db.client, { accountId: id, now: at(THIRTY_DAYS - 1) })).resolves.toBe(6001);
    await expect(getActiveTitle(db.client, { accountId: id, now: at(THIRTY_DAYS) })).resolves.toBeNull();
  });

  it("throws ACCOUNT_NOT_FOUND and INVALID_INPUT", async () => {
    await expectDbError(setActive(UNKNOWN, 1001), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    await expectDbError(setActive(UNKNOWN, null), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    await expectDbError(getActiveTitle(db.client, { accountId: UNKNOWN }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    await expectDbError(setActive(1, -1), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(setActive(1, 16384), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(setActive(0, null), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(getActiveTitle(db.client, { accountId: -5 }), DB_ERROR_CODES.INVALID_INPUT);
  });

  it.each(["title.active-set", "events"])("a fault at %s leaves nothing changed and no event", async (step) => {
    const c = await makeCharacter(db.client);
    await grant(c.accountId, 1001);
    const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
    await expectDbError(setActiveTitle(db.client, { ...opts, faults: failAt(step), accountId: c.accountId, titleId: 1001 }), DB_ERROR_CODES.INTERNAL);
    await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
  });
});

describe("revokeTitle", () => {
  it("deletes the title and clears it when it was active, with title.revoked and title.active-changed", async () => {
    const { id } = await makeAccount(db.client);
    await grant(id, 1001);
    await grant(id, 2001);
    await setActive(id, 1001);
    await expect(revoke(id, 2001)).resolves.toEqual({
      result: { revoked: true, clearedActive: false },
      events: [{ kind: "title.revoked", accountId: id, characterId: null, titleId: 2001, clearedActive: false }],
      replayed: false,
    });
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBe(1001);
    const cleared = await revoke(id, 1001);
    expect(cleared.result).toEqual({ revoked: true, clearedActive: true });
    expect(cleared.events).toEqual([
      { kind: "title.revoked", accountId: id, characterId: null, titleId: 1001, clearedActive: true },
      { kind: "title.active-changed", accountId: id, characterId: null, titleId: null },
    ]);
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBeNull();
    await expect(listAccountTitles(db.client, { accountId: id })).resolves.toEqual([]);
    await expect(revoke(id, 1001)).resolves.toMatchObject({ result: { revoked: false, clearedActive: false }, events: [] });
    // a revoked title can be granted again
    await expect(grant(id, 1001)).resolves.toMatchObject({ result: { granted: true } });
  });

  it("rolls back with a caller's transaction", async () => {
    const { id } = await makeAccount(db.client);
    await grant(id, 1001);
    await setActive(id, 1001);
    const failure = runTransaction(db.client, async (tx) => {
      await revokeTitle(tx, { ...opts, accountId: id, titleId: 1001 });
      throw new Error("rollback");
    });
    await expect(failure).rejects.toThrow("rollback");
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBe(1001);
  });

  it.each(["title.revoked", "events"])("a fault at %s leaves nothing changed and no event", async (step) => {
    const c = await makeCharacter(db.client);
    await grant(c.accountId, 1001);
    await setActive(c.accountId, 1001);
    const before = await snapshot(db.client, { accountId: c.accountId, characterId: c.id });
    await expectDbError(revokeTitle(db.client, { ...opts, faults: failAt(step), accountId: c.accountId, titleId: 1001 }), DB_ERROR_CODES.INTERNAL);
    await expect(snapshot(db.client, { accountId: c.accountId, characterId: c.id })).resolves.toEqual(before);
  });

  it("throws ACCOUNT_NOT_FOUND and INVALID_INPUT", async () => {
    await expectDbError(revoke(UNKNOWN, 1001), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    await expectDbError(revoke(1, 0), DB_ERROR_CODES.INVALID_INPUT);
  });
});

describe("constraints", () => {
  it("the database refuses an unknown source, a bad title id and an active title id outside 1..16383 (CHECKs)", async () => {
    const { id } = await makeAccount(db.client);
    await expect(db.client.accountTitle.create({ data: { accountId: id, titleId: 1, unlockedAt: T0, source: "lottery" } })).rejects.toThrow();
    await expect(db.client.accountTitle.create({ data: { accountId: id, titleId: 0, unlockedAt: T0, source: "gm" } })).rejects.toThrow();
    await expect(db.client.accountTitle.create({ data: { accountId: id, titleId: 1, unlockedAt: T0, source: "gm", expiresAt: T0 } })).rejects.toThrow();
    await expect(db.client.account.update({ where: { id }, data: { activeTitleId: 0 } })).rejects.toThrow();
  });

  it("titles go with their account (ON DELETE CASCADE)", async () => {
    const { id } = await makeAccount(db.client);
    await grant(id, 1001);
    await db.client.account.delete({ where: { id } });
    expect(await db.client.accountTitle.count({ where: { accountId: id } })).toBe(0);
  });
});
