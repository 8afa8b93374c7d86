// Group commit (ActionSpec.batch, StatementBatcher): calls of one action made together go as one
// statement, each still all-or-nothing with its events and refused on its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction } from "../src/actions/action.js";
import { STATEMENT_BATCH_LIMITS } from "../src/actions/statement-batch.js";
import { refusedByDatabase } from "../src/open/raw-pool.js";
import { Prisma } from "../src/generated/prisma/client";
import { DB_ERROR_CODES, DbError, grantTitle, setActiveTitle, type ActionOptions, type Database } from "../src/index.js";
import { createTestDatabase, makeAccount, testActionOptions } from "../src/testing/index.js";
import { recordingClient } from "./recording-client.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

/** The number of `$queryRaw` calls `run` makes on a recording client of the test database. */
async function queries<T>(run: (client: Database["client"]) => Promise<T>): Promise<{ value: T; queries: number }> {
  let count = 0;
  const client = recordingClient(db.client, (method) => {
    if (method === "$queryRaw") count += 1;
  });
  const value = await run(client);
  return { value, queries: count };
}

describe("setActiveTitle in batches", () => {
  it("sends calls made together as one statement, each with its own result, refusal and event", async () => {
    const owners = await Promise.all(Array.from({ length: 12 }, () => makeAccount(db.client)));
    for (const { id } of owners) await grantTitle(db.client, { ...opts, source: "gm", accountId: id, titleId: 1001 });
    const stranger = await makeAccount(db.client);
    const twice = owners[0]!;
    const { value: outcomes, queries: sent } = await queries((client) =>
      Promise.allSettled([
        ...owners.map(({ id }) => setActiveTitle(client, { ...opts, accountId: id, titleId: 1001 })),
        setActiveTitle(client, { ...opts, accountId: stranger.id, titleId: 1001 }),
        // The same account again, after its first call in the same batch: it sees that call.
        setActiveTitle(client, { ...opts, accountId: twice.id, titleId: 0 }),
      ]),
    );
    expect(sent).toBe(1);
    for (const outcome of outcomes.slice(0, owners.length)) {
      expect(outcome).toMatchObject({ status: "fulfilled", value: { result: { activeTitleId: 1001, before: null }, replayed: false } });
    }
    const refused = outcomes[owners.length];
    expect(refused?.status).toBe("rejected");
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(DbError);
    expect(((refused as PromiseRejectedResult).reason as DbError).code).toBe(DB_ERROR_CODES.TITLE_NOT_OWNED);
    expect(outcomes[owners.length + 1]).toMatchObject({ status: "fulfilled", value: { result: { activeTitleId: null, before: 1001 } } });
    // Events: one per call that succeeded, in call order (the account called twice: set, then cleared).
    const events = await db.client.gameEvent.findMany({ where: { accountId: { in: [...owners.map((o) => o.id), stranger.id] } }, orderBy: { id: "asc" } });
    const changes = events.filter((e) => e.kind === "title.active-changed");
    expect(changes).toHaveLength(owners.length + 1);
    expect(changes.map((e) => e.accountId)).toEqual([...owners.map((o) => o.id), twice.id]);
    expect(changes.at(-1)?.payload).toMatchObject({ titleId: null });
    const accounts = await db.client.account.findMany({ where: { id: { in: owners.map((o) => o.id) } }, select: { id: true, activeTitleId: true } });
    for (const account of accounts) expect(account.activeTitleId).toBe(account.id === twice.id ? null : 1001);
    expect((await db.client.account.findUniqueOrThrow({ where: { id: stranger.id } })).activeTitleId).toBeNull();
  });

  it("applies calls on one account in order, each refused or not on its own", async () => {
    const { id } = await makeAccount(db.client);
    for (const titleId of [1001, 1002]) await grantTitle(db.client, { ...opts, source: "gm", accountId: id, titleId });
    const expired = await makeAccount(db.client);
    await grantTitle(db.client, { ...opts, source: "gm", accountId: expired.id, titleId: 1001 });
    await db.client.$executeRaw`UPDATE "account_titles" SET "expires_at" = "unlocked_at" + interval '1 minute' WHERE "account_id" = ${expired.id}`;
    const later = new Date(Date.now() + 3_600_000);
    const { value: outcomes, queries: sent } = await queries((client) =>
      Promise.allSettled([
        setActiveTitle(client, { ...opts, accountId: id, titleId: 1001 }),
        setActiveTitle(client, { ...opts, accountId: id, titleId: 2001 }),
        setActiveTitle(client, { ...opts, now: later, accountId: expired.id, titleId: 1001 }),
        setActiveTitle(client, { ...opts, accountId: 2_000_000_000, titleId: 0 }),
        setActiveTitle(client, { ...opts, accountId: id, titleId: 1002 }),
        setActiveTitle(client, { ...opts, accountId: id, titleId: 0 }),
        setActiveTitle(client, { ...opts, accountId: id, titleId: 1001 }),
      ]),
    );
    expect(sent).toBe(1);
    const seen = outcomes.map((o) => (o.status === "fulfilled" ? o.value.result : (o.reason as DbError).code));
    expect(seen).toEqual([
      { activeTitleId: 1001, before: null },
      DB_ERROR_CODES.TITLE_NOT_OWNED,
      DB_ERROR_CODES.TITLE_NOT_OWNED,
      DB_ERROR_CODES.ACCOUNT_NOT_FOUND,
      { activeTitleId: 1002, before: 1001 },
      { activeTitleId: null, before: 1002 },
      { activeTitleId: 1001, before: null },
    ]);
    expect((await db.client.account.findUniqueOrThrow({ where: { id } })).activeTitleId).toBe(1001);
    expect((await db.client.account.findUniqueOrThrow({ where: { id: expired.id } })).activeTitleId).toBeNull();
    const events = await db.client.gameEvent.findMany({ where: { accountId: id, kind: "title.active-changed" }, orderBy: { id: "asc" } });
    expect(events.map((e) => (e.payload as { titleId: number | null }).titleId)).toEqual([1001, 1002, null, 1001]);
  });

  it("sends a call made alone as the action's own statement, without waiting for others", async () => {
    const { id } = await makeAccount(db.client);
    const sent: string[] = [];
    const client = recordingClient(db.client, (method, args) => {
      if (method === "$queryRaw") sent.push((args[0] as Prisma.Sql).text);
    });
    const now = new Date("2026-12-01T00:00:00Z");
    await setActiveTitle(client, { ...opts, now, accountId: id, titleId: 0 });
    expect(sent).toEqual([setActiveTitle.statement!({ accountId: id, titleId: 0 }, { actor: opts.actor, now, rules: opts.rules })?.text]);
  });

  it("does not batch inside a caller's transaction", async () => {
    const { id } = await makeAccount(db.client);
    const results = await db.client.$transaction(async (tx) =>
      Promise.all([setActiveTitle(tx, { ...opts, accountId: id, titleId: 0 }), setActiveTitle(tx, { ...opts, accountId: id, titleId: 0 })]),
    );
    expect(results.map((r) => r.result)).toEqual([
      { activeTitleId: null, before: null },
      { activeTitleId: null, before: null },
    ]);
  });
});

// An action whose statement refuses the value 13 with raise_refusal, and whose batch form then fails whole.
const refusesThirteen = defineAction({
  name: "test.refuses-thirteen",
  input: z.object({ value: z.number().int() }),
  describe: (i) => `Checking ${i.value}`,
  run: () => Promise.reject(new Error("only the statement forms are tested")),
  statement: (i) => ({
    sql: Prisma.sql`SELECT CASE WHEN ${i.value}::integer = 13 THEN raise_refusal('THIRTEEN') ELSE TRUE END AS "ok", ${i.value}::integer AS "value"`,
    events: [],
    result: (row: { ok: boolean; value: number }) => row.value,
    refused: (code) => (code === "THIRTEEN" ? new DbError(DB_ERROR_CODES.INVALID_INPUT, "13 is refused") : undefined),
  }),
  batch: (calls) => {
    const values = calls.map((call) => call.input.value);
    return Prisma.sql`SELECT "n", CASE WHEN "v" = 13 THEN raise_refusal('THIRTEEN') ELSE TRUE END AS "ok", "v" AS "value"
      FROM unnest(${values}::integer[]) WITH ORDINALITY AS "u"("v", "n")`;
  },
});

describe("a batch that fails", () => {
  it("sends each of its calls again on its own, so only the failing call fails", async () => {
    const values = [1, 2, 13, 4, 5];
    const { value: outcomes, queries: sent } = await queries((client) =>
      Promise.allSettled(values.map((value) => refusesThirteen(client, { ...opts, value }))),
    );
    expect(sent).toBe(1 + values.length);
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value.result : "refused"))).toEqual([1, 2, "refused", 4, 5]);
    const refusal = (outcomes[2] as PromiseRejectedResult).reason as DbError;
    expect(refusal).toBeInstanceOf(DbError);
    expect(refusal.code).toBe(DB_ERROR_CODES.INVALID_INPUT);
  });

  it("answers every call of a batch larger than one statement carries", async () => {
    const values = Array.from({ length: 2 * STATEMENT_BATCH_LIMITS.calls + 88 }, (_, i) => i + 100);
    const { value: outcomes, queries: sent } = await queries((client) => Promise.all(values.map((value) => refusesThirteen(client, { ...opts, value }))));
    expect(outcomes.map((o) => o.result)).toEqual(values);
    // STATEMENT_BATCH_LIMITS.calls per statement at most: two full batches and the rest.
    expect(sent).toBe(3);
  });
});

describe("refusedByDatabase", () => {
  it("is true only for an error carrying a SQLSTATE (the database answered: rolled back)", () => {
    expect(refusedByDatabase(Object.assign(new Error("deadlock detected"), { code: "40P01" }))).toBe(true);
    expect(refusedByDatabase(Object.assign(new Error("raw query failed"), { code: "P2010" }))).toBe(true);
    expect(refusedByDatabase(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "P0001" }) }))).toBe(true);
    // A lost connection: the batch may have committed.
    expect(refusedByDatabase(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(false);
    expect(refusedByDatabase(new Error("Connection terminated unexpectedly"))).toBe(false);
  });
});
