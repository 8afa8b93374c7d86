// A connection the db package holds out of its pool (the migration session) or leaves idle in it
// can be ended by the server at any time: pg_terminate_backend, a restart, the embedded database's
// owner killed. Its 'error' event must become the operation's DbError CONNECTION_FAILED; an
// 'error' event nobody listens to is an uncaught exception, which vitest reports as a failure.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_ERROR_CODES, openDatabase } from "../src/index.js";
import { pgPoolExecutor, PRISMA_MIGRATION_LOCK_KEY } from "../src/migrate/executor.js";
import { socketPathFor } from "../src/open/open-pglite.js";
import { createTestPostgresDatabase } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const postgresUrl = process.env.DATABASE_URL;

// The suite's backend: a fresh PostgreSQL database, or an embedded database served on its socket.
let poolConfig: pg.PoolConfig;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (postgresUrl) {
    const target = await createTestPostgresDatabase(postgresUrl);
    poolConfig = { connectionString: target.url };
    cleanup = () => target.drop();
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "bezgelor-lost-"));
    const owner = await openDatabase({ config: { dir } });
    poolConfig = { host: path.dirname(socketPathFor(dir)), port: 5432, user: "postgres", database: "template1" };
    cleanup = async () => {
      await owner.close();
      await rm(dir, { recursive: true, force: true });
    };
  }
});
afterAll(() => cleanup?.());

/** A pool that hands the test every client it lends, to break it. */
function watchedPool(): { pool: pg.Pool; lent: pg.PoolClient[] } {
  const pool = new pg.Pool({ ...poolConfig, max: 2 });
  pool.on("error", () => undefined); // the idle side is connectPgPool's; here only the held connection is tested
  const lent: pg.PoolClient[] = [];
  pool.on("acquire", (client) => lent.push(client));
  return { pool, lent };
}

/** Ends a client's socket under it, as a killed server would. */
function destroySocket(client: pg.PoolClient): void {
  (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
}

describe("a held connection that is lost", () => {
  it("fails the migration session's next query CONNECTION_FAILED instead of crashing (socket destroyed between queries)", async () => {
    const { pool, lent } = watchedPool();
    try {
      const run = pgPoolExecutor(pool, postgresUrl ? "postgres" : "pglite").withSession(async (session) => {
        await session.query("SELECT 1");
        destroySocket(lent[0]!);
        await sleep(100); // the 'error' event is emitted while no query is running
        return session.query("SELECT 1");
      });
      const error = await expectDbError(run, DB_ERROR_CODES.CONNECTION_FAILED);
      expect(error.message).toMatch(
        /^The database connection was lost while checking for and applying migrations, which opening the database does before any command's own work \(.+\)$/,
      );
      expect(error.message).not.toContain("\n");
      // The broken connection went back to the pool discarded: the next session works.
      await expect(pgPoolExecutor(pool, "pglite").withSession((s) => s.query<{ one: number }>("SELECT 1 AS one"))).resolves.toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it.runIf(postgresUrl)("fails the migration session CONNECTION_FAILED naming 57P01 when its backend is terminated (pg_terminate_backend)", async () => {
    const { pool } = watchedPool();
    const admin = new pg.Pool({ ...poolConfig, max: 1 });
    try {
      const run = pgPoolExecutor(pool, "postgres").withSession(async (session) => {
        const [me] = await session.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        await admin.query("SELECT pg_terminate_backend($1)", [me!.pid]);
        await sleep(200);
        return session.query("SELECT 1");
      });
      const error = await expectDbError(run, DB_ERROR_CODES.CONNECTION_FAILED);
      expect(error.message).toContain("57P01: terminating connection due to administrator command");
      // The lock went with the session: another session takes it at once.
      const [row] = await admin.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PRISMA_MIGRATION_LOCK_KEY]).then((r) => r.rows);
      expect(row?.locked).toBe(true);
      await admin.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATION_LOCK_KEY]);
    } finally {
      await pool.end();
      await admin.end();
    }
  });
});
