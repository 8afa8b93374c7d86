import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_ERROR_CODES, DbError, getAccountRole, isDatabaseUnavailable, listCharacters, openDatabase, runTransaction, type Database } from "../src/index.js";
import { createUnreachableDatabase, unreachablePostgresUrl } from "../src/testing/index.js";

let down: Database;
beforeAll(async () => {
  down = await createUnreachableDatabase();
});
afterAll(() => down.close());

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("isDatabaseUnavailable", () => {
  it("recognises an unreachable database through contexts, raw queries and transactions", async () => {
    const errors = await Promise.all([
      failure(listCharacters(down.client, { accountId: 1 })),
      failure(getAccountRole(down.client, { accountId: 1 })),
      failure(down.client.$queryRaw`SELECT 1`),
      failure(runTransaction(down.client, (tx) => tx.account.findFirst())),
    ]);
    for (const error of errors) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("recognises a failed open (CONNECTION_FAILED)", async () => {
    const error = await failure(openDatabase({ config: { url: await unreachablePostgresUrl() } }));
    expect(error).toMatchObject({ code: DB_ERROR_CODES.CONNECTION_FAILED });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("does not take rule outcomes, bad input or bugs for an outage", () => {
    expect(isDatabaseUnavailable(new DbError(DB_ERROR_CODES.NAME_TAKEN, "taken"))).toBe(false);
    expect(isDatabaseUnavailable(new DbError(DB_ERROR_CODES.INTERNAL, "x", { cause: new TypeError("undefined is not a function") }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("dup"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
  });
});
