import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAccount,
  DB_ERROR_CODES,
  getAccountByEmail,
  getAccountRole,
  issueSessionKey,
  setAccountPassword,
  setAccountRole,
  validateSessionKey,
  verifyPassword,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeAccount, uniqueEmail } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe("createAccount", () => {
  it("stores the email normalised and a self-describing scrypt hash", async () => {
    const email = uniqueEmail();
    const account = await createAccount(db.client, { email: `  ${email.toUpperCase()} `, password: "password123" });
    expect(account).toMatchObject({ email, role: "player", activeTitleId: null, sessionKeyCreatedAt: null });
    expect(account).not.toHaveProperty("passwordHash");
    const row = await db.client.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  it("salts: the same password hashes differently", async () => {
    const a = await createAccount(db.client, { email: uniqueEmail(), password: "same password" });
    const b = await createAccount(db.client, { email: uniqueEmail(), password: "same password" });
    const rows = await db.client.account.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows[0]?.passwordHash).not.toBe(rows[1]?.passwordHash);
  });

  it("refuses an email that differs only in case with EMAIL_TAKEN", async () => {
    const { email } = await makeAccount(db.client);
    await expectDbError(createAccount(db.client, { email: email.toUpperCase(), password: "password123" }), DB_ERROR_CODES.EMAIL_TAKEN);
  });

  it.each([
    ["not an email", { email: "nope", password: "password123" }],
    ["an email over 254 characters", { email: `${"a".repeat(250)}@example.test`, password: "password123" }],
    ["a password under 8 characters", { email: uniqueEmail(), password: "short" }],
    ["a password over 128 characters", { email: uniqueEmail(), password: "x".repeat(129) }],
    ["a password of 8 spaces", { email: uniqueEmail(), password: " ".repeat(8) }],
    ["a password of white space only", { email: uniqueEmail(), password: "\t \u00a0 \n\u3000  " }],
    ["an unknown role", { email: uniqueEmail(), password: "password123", role: "god" }],
  ])("rejects %s with INVALID_INPUT", async (_label, options) => {
    await expectDbError(createAccount(db.client, options as never), DB_ERROR_CODES.INVALID_INPUT);
  });

  it("the database itself refuses a non-normalised email (CHECK constraint)", async () => {
    await expect(db.client.account.create({ data: { email: "Upper@Example.test", passwordHash: "x" } })).rejects.toThrow();
  });
});

describe("getAccountByEmail", () => {
  it("finds an account case-insensitively", async () => {
    const account = await makeAccount(db.client);
    await expect(getAccountByEmail(db.client, { email: account.email.toUpperCase() })).resolves.toMatchObject({ id: account.id });
  });

  it("throws ACCOUNT_NOT_FOUND and INVALID_INPUT", async () => {
    await expectDbError(getAccountByEmail(db.client, { email: uniqueEmail() }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    await expectDbError(getAccountByEmail(db.client, { email: "nope" }), DB_ERROR_CODES.INVALID_INPUT);
  });
});

describe("verifyPassword", () => {
  it("returns the account for the right password", async () => {
    const account = await makeAccount(db.client);
    await expect(verifyPassword(db.client, { email: account.email, password: account.password })).resolves.toMatchObject({ id: account.id });
  });

  it("throws INVALID_CREDENTIALS for a wrong password, an unknown or malformed email alike", async () => {
    const account = await makeAccount(db.client);
    for (const options of [
      { email: account.email, password: "wrong password" },
      { email: uniqueEmail(), password: account.password },
      { email: "not an email", password: account.password },
    ]) {
      const error = await expectDbError(verifyPassword(db.client, options), DB_ERROR_CODES.INVALID_CREDENTIALS);
      expect(error.message).toBe("Invalid email or password");
    }
  });
});

describe("setAccountPassword and setAccountRole", () => {
  it("changes the password and revokes the session key", async () => {
    const account = await makeAccount(db.client);
    const issued = await issueSessionKey(db.client, { email: account.email });
    await setAccountPassword(db.client, { email: account.email, password: "a new password" });
    await expectDbError(verifyPassword(db.client, { email: account.email, password: account.password }), DB_ERROR_CODES.INVALID_CREDENTIALS);
    await expect(verifyPassword(db.client, { email: account.email, password: "a new password" })).resolves.toMatchObject({ id: account.id });
    await expectDbError(validateSessionKey(db.client, { ...issued }), DB_ERROR_CODES.SESSION_INVALID);
  });

  it("sets the role, and getAccountRole reads the stored role", async () => {
    const account = await makeAccount(db.client);
    await expect(getAccountRole(db.client, { accountId: account.id })).resolves.toBe("player");
    await expect(setAccountRole(db.client, { email: account.email, role: "gm" })).resolves.toMatchObject({ role: "gm" });
    await expect(getAccountRole(db.client, { accountId: account.id })).resolves.toBe("gm");
    await expectDbError(getAccountRole(db.client, { accountId: 2_000_000_000 }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    const events = await db.client.gameEvent.findMany({ where: { accountId: account.id }, select: { kind: true, payload: true } });
    expect(events).toEqual([{ kind: "account.role-changed", payload: expect.objectContaining({ role: "gm" }) as unknown }]);
  });

  it("throws ACCOUNT_NOT_FOUND and INVALID_INPUT", async () => {
    await expectDbError(setAccountPassword(db.client, { email: uniqueEmail(), password: "password123" }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    await expectDbError(setAccountRole(db.client, { email: uniqueEmail(), role: "admin" }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
    const account = await makeAccount(db.client);
    await expectDbError(setAccountPassword(db.client, { email: account.email, password: "short" }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(setAccountRole(db.client, { email: account.email, role: "king" as never }), DB_ERROR_CODES.INVALID_INPUT);
  });
});

describe("session keys", () => {
  it("issues 32 lowercase hex digits and validates them for their lifetime", async () => {
    const account = await makeAccount(db.client);
    const now = new Date("2030-01-01T00:00:00Z");
    const issued = await issueSessionKey(db.client, { email: account.email.toUpperCase(), now });
    expect(issued).toMatchObject({ accountId: account.id, email: account.email, createdAt: now });
    expect(issued.sessionKey).toMatch(/^[0-9a-f]{32}$/);
    const base = { accountId: account.id, email: account.email, lifetimeSeconds: 1800 };
    const later = new Date(now.getTime() + 1800_000);
    await expect(validateSessionKey(db.client, { ...base, sessionKey: issued.sessionKey, now: later })).resolves.toMatchObject({ id: account.id });
    // the raw 16 bytes from the wire, and upper-case hex, are the same key
    await expect(validateSessionKey(db.client, { ...base, sessionKey: Buffer.from(issued.sessionKey, "hex"), now })).resolves.toBeTruthy();
    await expect(validateSessionKey(db.client, { ...base, sessionKey: issued.sessionKey.toUpperCase(), now })).resolves.toBeTruthy();
    const expired = new Date(later.getTime() + 1000);
    await expectDbError(validateSessionKey(db.client, { ...base, sessionKey: issued.sessionKey, now: expired }), DB_ERROR_CODES.SESSION_EXPIRED);
  });

  it("only the latest key is valid, and only with its own account id and email", async () => {
    const account = await makeAccount(db.client);
    const other = await makeAccount(db.client);
    const first = await issueSessionKey(db.client, { email: account.email });
    const second = await issueSessionKey(db.client, { email: account.email });
    expect(second.sessionKey).not.toBe(first.sessionKey);
    const ok = { accountId: account.id, email: account.email, sessionKey: second.sessionKey };
    await expect(validateSessionKey(db.client, ok)).resolves.toMatchObject({ id: account.id });
    for (const bad of [
      { ...ok, sessionKey: first.sessionKey },
      { ...ok, accountId: other.id },
      { ...ok, email: other.email },
      { ...ok, sessionKey: "zz".repeat(16) },
      { ...ok, sessionKey: Buffer.alloc(15) },
      { ...ok, accountId: -1 },
    ]) {
      await expectDbError(validateSessionKey(db.client, bad), DB_ERROR_CODES.SESSION_INVALID);
    }
  });

  it("an account that never had a key is SESSION_INVALID; an unknown email cannot get one", async () => {
    const account = await makeAccount(db.client);
    await expectDbError(
      validateSessionKey(db.client, { accountId: account.id, email: account.email, sessionKey: "0".repeat(32) }),
      DB_ERROR_CODES.SESSION_INVALID,
    );
    await expectDbError(issueSessionKey(db.client, { email: uniqueEmail() }), DB_ERROR_CODES.ACCOUNT_NOT_FOUND);
  });
});
