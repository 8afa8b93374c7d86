import { DB_ERROR_CODES, DbError } from "@bezgelor/db";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "./cli/command";
import { DB_ERROR_OUTCOMES, outcomeOf, WORLD_ERROR_OUTCOMES } from "./error-outcomes";
import { WORLD_ERROR_CODES, WorldError } from "./errors";
import { RESULT_CODES } from "./server/result-codes";

describe("one table of error outcomes", () => {
  it("covers every db and world code with a known client result and exit code", () => {
    expect(Object.keys(DB_ERROR_OUTCOMES).sort()).toEqual(Object.keys(DB_ERROR_CODES).sort());
    expect(Object.keys(WORLD_ERROR_OUTCOMES).sort()).toEqual(Object.keys(WORLD_ERROR_CODES).sort());
    const exits = new Set<number>(Object.values(EXIT_CODES));
    for (const outcome of [...Object.values(DB_ERROR_OUTCOMES), ...Object.values(WORLD_ERROR_OUTCOMES)]) {
      expect(exits.has(outcome.exit)).toBe(true);
      if (outcome.client !== "violation" && outcome.client !== "internal") expect(RESULT_CODES[outcome.client]).toBeTypeOf("number");
    }
  });

  it("tells the client and the CLI the same story for the same code", () => {
    expect(outcomeOf(new DbError("IDEMPOTENCY_KEY_REUSED", "x"))).toEqual({ client: "CONFLICT", exit: EXIT_CODES.CONFLICT });
    expect(outcomeOf(new DbError("INSUFFICIENT_FUNDS", "x"))).toEqual({ client: "INSUFFICIENT_FUNDS", exit: EXIT_CODES.REFUSED });
    expect(outcomeOf(new DbError("CHARACTER_NOT_FOUND", "x"))).toEqual({ client: "NOT_FOUND", exit: EXIT_CODES.NOT_FOUND });
    expect(outcomeOf(new WorldError("FORBIDDEN", "x"))).toEqual({ client: "FORBIDDEN", exit: EXIT_CODES.REFUSED });
    expect(outcomeOf(new WorldError("WRONG_STATE", "x"))?.client).toBe("violation");
    expect(outcomeOf(new DbError("INTERNAL", "x"))).toEqual({ client: "internal", exit: EXIT_CODES.FAILURE });
    expect(outcomeOf(new Error("anything else"))).toBeUndefined();
  });
});
