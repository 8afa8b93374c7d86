import { describe, expect, it } from "vitest";
import { DB_ERROR_CODES, DbError, isDbError, isUniqueViolation, toDbError, uniqueViolationTargets, unstorableTextSqlState } from "./errors.js";

const pgliteShape = {
  code: "P2002",
  meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint: { fields: ["email"] } } } },
};
const pgShape = {
  code: "P2002",
  meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint: { index: "accounts_email_key" } } } },
};

describe("unique violations", () => {
  it("reads columns (PGlite adapter) and index names (pg adapter)", () => {
    expect(uniqueViolationTargets(pgliteShape)).toEqual(["email"]);
    expect(uniqueViolationTargets(pgShape)).toEqual(["accounts_email_key"]);
    expect(uniqueViolationTargets({ code: "P2025" })).toBeUndefined();
    expect(uniqueViolationTargets(null)).toBeUndefined();
  });

  it("matches by index or by all columns", () => {
    expect(isUniqueViolation(pgliteShape, "accounts_email_key", ["email"])).toBe(true);
    expect(isUniqueViolation(pgShape, "accounts_email_key", ["email"])).toBe(true);
    expect(isUniqueViolation(pgShape, "characters_name_key_key", ["name_key"])).toBe(false);
  });
});

describe("DbError", () => {
  it("carries code, cause and details; toDbError keeps DbErrors and wraps the rest", () => {
    const cause = new Error("boom");
    const error = new DbError(DB_ERROR_CODES.NAME_TAKEN, "taken", { cause, details: { name: "X" } });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "DbError", code: "NAME_TAKEN", cause, details: { name: "X" } });
    expect(isDbError(error, "NAME_TAKEN")).toBe(true);
    expect(isDbError(error, "EMAIL_TAKEN")).toBe(false);
    expect(toDbError(error, "ctx")).toBe(error);
    expect(toDbError(cause, "ctx")).toMatchObject({ code: "INTERNAL", message: "ctx: boom", cause });
  });

  it("toDbError makes a lost connection CONNECTION_FAILED in one line naming its SQLSTATE or errno, not Prisma's invocation text", () => {
    // What Prisma threw when pg_terminate_backend ended a read's connection (tester's run).
    const prisma = Object.assign(
      new Error(
        "\nInvalid `prisma.account.findUnique()` invocation:\n\n\nDatabase error. Code: `57P01`. Message: `terminating connection due to administrator command`",
      ),
      {
        code: "P2010",
        meta: {
          driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01", originalMessage: "terminating connection due to administrator command" } },
        },
      },
    );
    expect(toDbError(prisma, "Reading the account failed")).toMatchObject({
      code: "CONNECTION_FAILED",
      message: "Reading the account failed: the database connection failed or was lost (57P01: terminating connection due to administrator command)",
      cause: prisma,
    });
    // What Prisma threw when the embedded database's owner was killed mid-read.
    const pipe = Object.assign(new Error("\nInvalid `prisma.account.findUnique()` invocation:\n\n\nwrite EPIPE"), { code: "EPIPE" });
    expect(toDbError(pipe, "Reading the account failed").message).toBe(
      "Reading the account failed: the database connection failed or was lost (EPIPE: write EPIPE)",
    );
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", errno: -104 });
    expect(toDbError(reset, "Migrating the database failed")).toMatchObject({
      code: "CONNECTION_FAILED",
      message: "Migrating the database failed: the database connection failed or was lost (ECONNRESET: read ECONNRESET)",
    });
    expect(toDbError(new Error("Connection terminated unexpectedly"), "ctx").message).toBe(
      "ctx: the database connection failed or was lost (Connection terminated unexpectedly)",
    );
  });

  it("every code maps to itself", () => {
    for (const [key, value] of Object.entries(DB_ERROR_CODES)) expect(value).toBe(key);
  });
});

describe("text the database cannot store", () => {
  // The shapes seen for a NUL: Prisma's model query (P2039) and raw query (P2010) through either
  // driver adapter carry the SQLSTATE as the adapter error's originalCode; node-postgres and
  // PGlite errors carry it as `code`.
  const adapterShape = (prismaCode: string, sqlState: string) => ({
    code: prismaCode,
    message: `Database error. Code: \`${sqlState}\`.`,
    meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: sqlState, code: sqlState } } },
  });

  it("22021 and 22P05 are INVALID_INPUT with the SQLSTATE, however they arrive", () => {
    const cases: Array<[unknown, string]> = [
      [adapterShape("P2039", "22021"), "22021"],
      [adapterShape("P2010", "22021"), "22021"],
      [adapterShape("P2010", "22P05"), "22P05"],
      [Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" }), "22021"],
      [new Error("wrapped", { cause: Object.assign(new Error("untranslatable"), { code: "22P05" }) }), "22P05"],
    ];
    for (const [error, sqlState] of cases) {
      expect(unstorableTextSqlState(error)).toBe(sqlState);
      expect(toDbError(error, "ctx")).toMatchObject({ code: "INVALID_INPUT", details: { sqlState }, cause: error });
    }
  });

  it("other failures stay INTERNAL", () => {
    for (const error of [adapterShape("P2010", "22001"), { code: "P2039" }, Object.assign(new Error("x"), { code: "23505" }), "boom", null]) {
      expect(unstorableTextSqlState(error)).toBeUndefined();
      expect(toDbError(error, "ctx").code).toBe("INTERNAL");
    }
  });
});
