import { DbError } from "@bezgelor/db";
import { describe, expect, it } from "vitest";
import { describeFailure, HttpError } from "../src/http-error.js";

describe("what a caller is told", () => {
  it("an unreachable database is 503 DATABASE_UNAVAILABLE, whatever code the db package wrapped it in", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const wrapped = new DbError("INTERNAL", "Reading the store catalog failed: Can't reach database server", { cause: refused });
    expect(describeFailure(wrapped)).toMatchObject({ status: 503, body: { error: "DATABASE_UNAVAILABLE" } });
  });

  it("the game's refusals keep their code; a bug is 500 without its message", () => {
    expect(describeFailure(new DbError("INSUFFICIENT_FUNDS", "not enough"))).toMatchObject({ status: 409, body: { error: "INSUFFICIENT_FUNDS" } });
    expect(describeFailure(new DbError("STORE_OFFER_NOT_FOUND", "no offer"))).toMatchObject({ status: 404 });
    expect(describeFailure(new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "json please"))).toMatchObject({ status: 415 });
    expect(describeFailure(new TypeError("secret internals"))).toEqual({
      status: 500,
      body: { error: "INTERNAL", message: "the service failed; see its log" },
    });
  });
});
