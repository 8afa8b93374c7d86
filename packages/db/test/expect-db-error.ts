import { expect } from "vitest";
import { DbError, type DbErrorCode } from "../src/index.js";

/** Awaits `promise`, expects it to reject with a DbError of `code`, and returns that error. */
export async function expectDbError(promise: Promise<unknown>, code: DbErrorCode): Promise<DbError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected DbError ${code}`).toBeInstanceOf(DbError);
  expect((error as DbError).code).toBe(code);
  return error as DbError;
}
