import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DB_ERROR_CODES,
  getActiveTitle,
  grantTitle,
  listAccountTitles,
  revokeTitle,
  runTransaction,
  setActiveTitle,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeAccount } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const T0 = new Date("2030-01-01T00:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const UNKNOWN = 2_000_000_000;

describe("grantTitle", () => {
  it("grants once; a second grant changes nothing and returns the owned title", async () => {
    const { id } = await makeAccount(db.client);
    const first = await grantTitle(db.client, { accountId: id, titleId: 1001, source: "reputation", now: T0 });
    expect(first).toEqual({ granted: true, title: { titleId: 1001, unlockedAt: T0, source: "reputation", expiresAt: null } });
    const again = await grantTitle(db.client, { accountId: id, titleId: 1001, source: "gm", now: at(60) });
    expect(again).toEqual({ granted: false, title: first.title });
    expect(await db.client.accountTitle.count({ where: { accountId: id } })).toBe(1);
  });

  it("renews an expired title, but not one that is still running", async () => {
    const { id } = await makeAccount(db.client);
    const event = { accountId: id, titleId: 5001, source: "event" as const };
    const first = await grantTitle(db.client, { ...event, now: T0, expiresAt: at(100) });
    expect(first).toMatchObject({ granted: true, title: { unlockedAt: T0, expiresAt: at(100) } });
    await expect(grantTitle(db.client, { ...event, now: at(99), expiresAt: at(500) })).resolves.toEqual({ granted: false, title: first.title });
    const renewed = await grantTitle(db.client, { ...event, now: at(100), expiresAt: at(500) });
    expect(renewed).toEqual({ granted: true, title: { titleId: 5001, unlockedAt: at(100), source: "event", expiresAt: at(500) } });
    // an expired event title can come back for good
    await expect(grantTitle(db.client, { ...event, source: "gm", now: at(600) })).resolves.toMatchObject({ granted: true, title: { source: "gm", expiresAt: null } });
  });

  it("throws ACCOUNT_NOT_FOUND for an unknown account", async () => {
    await expectDbError(grantTitle(db.client, { accountId: UNKNOWN, titleId: 1001, source: "gm" }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
  });

  it.each([
    ["title id 0", { titleId: 0 }],
    ["title id 16384", { titleId: 16384 }],
    ["an unknown source", { source: "lottery" }],
    ["an expiry at now", { now: T0, expiresAt: T0 }],
    ["an expiry in the past", { now: T0, expiresAt: at(-1) }],
    ["an expiry that is not a date", { expiresAt: "tomorrow" }],
    ["a malformed account id", { accountId: 1.5 }],
  ])("rejects %s with INVALID_INPUT", async (_label, override) => {
    const { id } = await makeAccount(db.client);
    await expectDbError(grantTitle(db.client, { accountId: id, titleId: 1001, source: "gm", ...override } as never), DB_ERROR_CODES.INVALID_INPUT);
    expect(await db.client.accountTitle.count({ where: { accountId: id } })).toBe(0);
  });
});

describe("listAccountTitles", () => {
  it("lists owned titles by id and leaves out expired ones (expiresAt <= now)", async () => {
    const { id } = await makeAccount(db.client);
    await grantTitle(db.client, { accountId: id, titleId: 4001, source: "path", now: T0 });
    await grantTitle(db.client, { accountId: id, titleId: 1001, source: "reputation", now: T0 });
    await grantTitle(db.client, { accountId: id, titleId: 5001, source: "event", now: T0, expiresAt: at(100) });
    const ids = async (now: Date) => (await listAccountTitles(db.client, { accountId: id, now })).map((t) => t.titleId);
    await expect(ids(at(99))).resolves.toEqual([1001, 4001, 5001]);
    await expect(ids(at(100))).resolves.toEqual([1001, 4001]);
    await expect(listAccountTitles(db.client, { accountId: id, now: T0 })).resolves.toContainEqual({
      titleId: 5001,
      unlockedAt: T0,
      source: "event",
      expiresAt: at(100),
    });
  });

  it("is empty for an unknown account; INVALID_INPUT for malformed input", async () => {
    await expect(listAccountTitles(db.client, { accountId: UNKNOWN })).resolves.toEqual([]);
    await expectDbError(listAccountTitles(db.client, { accountId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(listAccountTitles(db.client, { accountId: 1, now: "now" as never }), DB_ERROR_CODES.INVALID_INPUT);
  });
});

describe("setActiveTitle and getActiveTitle", () => {
  it("sets an owned title; 0 and null clear it", async () => {
    const { id } = await makeAccount(db.client);
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBeNull();
    await grantTitle(db.client, { accountId: id, titleId: 1001, source: "gm" });
    await expect(setActiveTitle(db.client, { accountId: id, titleId: 1001 })).resolves.toEqual({ activeTitleId: 1001 });
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBe(1001);
    await expect(setActiveTitle(db.client, { accountId: id, titleId: 0 })).resolves.toEqual({ activeTitleId: null });
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBeNull();
    await setActiveTitle(db.client, { accountId: id, titleId: 1001 });
    await expect(setActiveTitle(db.client, { accountId: id, titleId: null })).resolves.toEqual({ activeTitleId: null });
    await expect(db.client.account.findUniqueOrThrow({ where: { id } })).resolves.toMatchObject({ activeTitleId: null });
  });

  it("refuses a title the account does not own, or no longer owns, with TITLE_NOT_OWNED and changes nothing", async () => {
    const { id } = await makeAccount(db.client);
    await grantTitle(db.client, { accountId: id, titleId: 1001, source: "gm", now: T0 });
    await grantTitle(db.client, { accountId: id, titleId: 5001, source: "event", now: T0, expiresAt: at(100) });
    await setActiveTitle(db.client, { accountId: id, titleId: 1001, now: T0 });
    const error = await expectDbError(setActiveTitle(db.client, { accountId: id, titleId: 2001 }), DB_ERROR_CODES.TITLE_NOT_OWNED);
    expect(error.details).toEqual({ accountId: id, titleId: 2001 });
    await expectDbError(setActiveTitle(db.client, { accountId: id, titleId: 5001, now: at(100) }), DB_ERROR_CODES.TITLE_NOT_OWNED);
    await expect(getActiveTitle(db.client, { accountId: id, now: T0 })).resolves.toBe(1001);
    // another account's title is not yours
    const other = await makeAccount(db.client);
    await expectDbError(setActiveTitle(db.client, { accountId: other.id, titleId: 1001 }), DB_ERROR_CODES.TITLE_NOT_OWNED);
  });

  it("an active title that has expired since reads as null", async () => {
    const { id } = await makeAccount(db.client);
    await grantTitle(db.client, { accountId: id, titleId: 5001, source: "event", now: T0, expiresAt: at(100) });
    await setActiveTitle(db.client, { accountId: id, titleId: 5001, now: at(50) });
    await expect(getActiveTitle(db.client, { accountId: id, now: at(99) })).resolves.toBe(5001);
    await expect(getActiveTitle(db.client, { accountId: id, now: at(100) })).resolves.toBeNull();
  });

  it("throws ACCOUNT_NOT_FOUND and INVALID_INPUT", async () => {
    await expectDbError(setActiveTitle(db.client, { accountId: UNKNOWN, titleId: 1001 }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    await expectDbError(setActiveTitle(db.client, { accountId: UNKNOWN, titleId: null }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    await expectDbError(getActiveTitle(db.client, { accountId: UNKNOWN }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    await expectDbError(setActiveTitle(db.client, { accountId: 1, titleId: -1 }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(setActiveTitle(db.client, { accountId: 1, titleId: 16384 }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(setActiveTitle(db.client, { accountId: 0, titleId: null }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(getActiveTitle(db.client, { accountId: -5 }), DB_ERROR_CODES.INVALID_INPUT);
  });
});

describe("revokeTitle", () => {
  it("deletes the title and clears it when it was active", async () => {
    const { id } = await makeAccount(db.client);
    await grantTitle(db.client, { accountId: id, titleId: 1001, source: "gm" });
    await grantTitle(db.client, { accountId: id, titleId: 2001, source: "achievement" });
    await setActiveTitle(db.client, { accountId: id, titleId: 1001 });
    await expect(revokeTitle(db.client, { accountId: id, titleId: 2001 })).resolves.toEqual({ revoked: true, clearedActive: false });
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBe(1001);
    await expect(revokeTitle(db.client, { accountId: id, titleId: 1001 })).resolves.toEqual({ revoked: true, clearedActive: true });
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBeNull();
    await expect(listAccountTitles(db.client, { accountId: id })).resolves.toEqual([]);
    await expect(revokeTitle(db.client, { accountId: id, titleId: 1001 })).resolves.toEqual({ revoked: false, clearedActive: false });
    // a revoked title can be granted again
    await expect(grantTitle(db.client, { accountId: id, titleId: 1001, source: "gm" })).resolves.toMatchObject({ granted: true });
  });

  it("rolls back with a caller's transaction", async () => {
    const { id } = await makeAccount(db.client);
    await grantTitle(db.client, { accountId: id, titleId: 1001, source: "gm" });
    await setActiveTitle(db.client, { accountId: id, titleId: 1001 });
    const failure = runTransaction(db.client, async (tx) => {
      await revokeTitle(tx, { accountId: id, titleId: 1001 });
      throw new Error("rollback");
    });
    await expect(failure).rejects.toThrow("rollback");
    await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBe(1001);
  });

  it("throws ACCOUNT_NOT_FOUND and INVALID_INPUT", async () => {
    await expectDbError(revokeTitle(db.client, { accountId: UNKNOWN, titleId: 1001 }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    await expectDbError(revokeTitle(db.client, { accountId: 1, titleId: 0 }), DB_ERROR_CODES.INVALID_INPUT);
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
    await grantTitle(db.client, { accountId: id, titleId: 1001, source: "gm" });
    await db.client.account.delete({ where: { id } });
    expect(await db.client.accountTitle.count({ where: { accountId: id } })).toBe(0);
  });
});
