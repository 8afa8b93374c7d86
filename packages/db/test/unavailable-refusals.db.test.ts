// A PostgreSQL that refuses connections (a database with ALLOW_CONNECTIONS false, one starting up,
// full, dropped, shut out by pg_hba.conf) is an outage like an unreachable one, in every shape its
// error reaches a caller: node-postgres's own error, Prisma's wrapping of it through the driver
// adapter, and a context's DbError INTERNAL around that. A 55000 that is not the connection
// refusal (a query's own state error) is not an outage.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAccountRole, isDatabaseUnavailable, listCharacters, openDatabase, runTransaction, type Database } from "../src/index.js";
import {
  createRefusingDatabase,
  createTestDatabase,
  createTestPostgresDatabase,
  notAcceptingConnections,
  refusingPostgresServer,
} from "../src/testing/index.js";
import type { ConnectionRefusal } from "../src/testing/index.js";

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

/** The error of every way a caller meets a refusing database: contexts, raw Prisma, a transaction, node-postgres. */
async function errorsOf(refusal: ConnectionRefusal): Promise<unknown[]> {
  const down: Database = await createRefusingDatabase(refusal);
  const server = await refusingPostgresServer(refusal);
  const pool = new pg.Pool({ connectionString: server.url });
  pool.on("error", () => undefined);
  try {
    return await Promise.all([
      failure(listCharacters(down.client, { accountId: 1 })),
      failure(getAccountRole(down.client, { accountId: 1 })),
      failure(down.client.$queryRaw`SELECT 1`),
      failure(runTransaction(down.client, (tx) => tx.account.findFirst())),
      failure(pool.query("SELECT 1")),
    ]);
  } finally {
    await pool.end();
    await server.close();
    await down.close();
  }
}

/** Every SQLSTATE found in `error`'s chain, on the error itself or in the driver adapter's cause. */
function sqlStates(error: unknown): string[] {
  const found: string[] = [];
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 8; e = e.cause as Record<string, unknown> | undefined, depth += 1) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) found.push(e.code);
    const adapter = (e.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)?.driverAdapterError?.cause;
    if (typeof adapter?.originalCode === "string") found.push(adapter.originalCode);
  }
  return found;
}

const REFUSALS: Array<[string, ConnectionRefusal]> = [
  ["55000, a database with ALLOW_CONNECTIONS false", notAcceptingConnections("bezgelor")],
  ["57P03, a server starting up", { code: "57P03", message: "the database system is starting up", routine: "ProcessStartupPacket" }],
  ["57P01, a backend terminated", { code: "57P01", message: "terminating connection due to administrator command", routine: "ProcessInterrupts" }],
  ["53300, too many connections", { code: "53300", message: "sorry, too many clients already", routine: "InitProcess" }],
  ["3D000, a database dropped or renamed", { code: "3D000", message: 'database "bezgelor" does not exist', routine: "InitPostgres" }],
  [
    "28000, pg_hba.conf rejecting the server",
    { code: "28000", message: 'no pg_hba.conf entry for host "127.0.0.1", user "postgres", database "bezgelor"', routine: "ClientAuthentication" },
  ],
];

describe("isDatabaseUnavailable and a PostgreSQL refusing connections", () => {
  it.each(REFUSALS)("recognises %s in every shape it reaches a caller", async (_label, refusal) => {
    const errors = await errorsOf(refusal);
    for (const error of errors) {
      expect(sqlStates(error), String(error)).toContain(refusal.code); // the genuine shape carries the SQLSTATE
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    }
  });

  it("does not take a 55000 other than the connection refusal for an outage", () => {
    const stateError = Object.assign(new Error('currval of sequence "s" is not yet defined in this session'), { code: "55000", severity: "ERROR" });
    expect(isDatabaseUnavailable(stateError)).toBe(false);
    const wrapped = Object.assign(new Error("raw query failed"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "55000", originalMessage: stateError.message } } },
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }))).toBe(false);
  });
});

describe("a 55000 a query raises itself", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it("is a failure of the request, not an outage (currval before nextval, on the real engine)", async () => {
    await db.client.$executeRawUnsafe("CREATE SEQUENCE IF NOT EXISTS unavailable_test_seq");
    const error = await failure(db.client.$queryRawUnsafe("SELECT currval('unavailable_test_seq')"));
    expect(sqlStates(error)).toContain("55000");
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("a real PostgreSQL database taken offline [needs DATABASE_URL]", () => {
  const url = process.env.DATABASE_URL;
  it.skipIf(!url)("ALTER DATABASE ... ALLOW_CONNECTIONS false and terminated backends: every later query is unavailable, with 55000", async () => {
    const target = await createTestPostgresDatabase(url);
    const name = new URL(target.url).pathname.slice(1);
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    const db = await openDatabase({ config: { url: target.url } });
    try {
      await expect(listCharacters(db.client, { accountId: 1 })).resolves.toEqual([]);
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
      const errors: unknown[] = [];
      for (let i = 0; i < 3; i += 1) errors.push(await failure(listCharacters(db.client, { accountId: 1 })));
      for (const error of errors) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      // Once the terminated connections are gone, the pool's new ones meet the refusal itself.
      expect(errors.flatMap(sqlStates)).toContain("55000");
      const direct = new pg.Pool({ connectionString: target.url, max: 1 });
      const refused = await failure(direct.query("SELECT 1"));
      await direct.end();
      expect(refused).toMatchObject({ code: "55000", message: notAcceptingConnections(name).message, severity: "FATAL" });
      expect(isDatabaseUnavailable(refused)).toBe(true);
    } finally {
      await db.close();
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
      await target.drop();
    }
  });
});
