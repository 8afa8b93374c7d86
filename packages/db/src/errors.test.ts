import { describe, expect, it } from "vitest";
import { DB_ERROR_CODES, DbError, isDbError, isUniqueViolation, toDbError, uniqueViolationTargets } from "./errors.js";

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

  it("every code maps to itself", () => {
    for (const [key, value] of Object.entries(DB_ERROR_CODES)) expect(value).toBe(key);
  });
});
