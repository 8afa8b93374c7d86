import { DB_ERROR_CODES, DbError } from "@bezgelor/db";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "./cli/command";
import { clientMessage, DB_ERROR_OUTCOMES, outcomeOf, WORLD_ERROR_OUTCOMES } from "./error-outcomes";
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

describe("what the player is told", () => {
  const zodIssues = z.object({ quantity: z.number().min(1) }).safeParse({ quantity: 0 }).error!.issues;

  it("never the validator's text of malformed input: the result code's short line instead", () => {
    const error = new DbError("INVALID_INPUT", "Invalid input: ✖ Too small: expected number to be >=1\n  → at questId", { details: { issues: zodIssues } });
    expect(clientMessage(error, { client: "INVALID_INPUT", exit: EXIT_CODES.USAGE })).toBe("That request is not valid.");
  });

  it("an outcome's own line where it has one, else the error's message", () => {
    const quantity = new DbError("VENDOR_QUANTITY_INVALID", "A vendor sells 1 to 1000 of an item at a time, not 0", {
      details: { quantity: 0, min: 1, max: 1000 },
    });
    expect(clientMessage(quantity, { ...DB_ERROR_OUTCOMES.VENDOR_QUANTITY_INVALID, client: "INVALID_INPUT" })).toBe("You can buy 1 to 1000 at a time.");
    const stock = new WorldError("NOT_FOUND", "vendor 8001 has no stock entry 9");
    expect(clientMessage(stock, { client: "NOT_FOUND", exit: EXIT_CODES.NOT_FOUND })).toBe("vendor 8001 has no stock entry 9");
    const level = new DbError("INVALID_INPUT", "soldier levels are 0 to 30", { details: { path: "soldier", level: 40, maxLevel: 30 } });
    expect(clientMessage(level, { client: "INVALID_INPUT", exit: EXIT_CODES.USAGE })).toBe("soldier levels are 0 to 30");
  });
});
