// The migration runner needs two things Prisma's client cannot give on every target: running a
// multi-statement script in one go (PGlite's Prisma adapter only prepares single statements) and
// keeping one session for the advisory lock. An executor is that minimal raw surface.
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import { holdConnection } from "../open/held-connection.js";

/** One database session used for a whole migration run. */
export interface MigrationSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements as one simple-protocol request (atomic on PostgreSQL). */
  exec(script: string): Promise<void>;
}

/** Raw access for {@link migrateDatabase}; build one with the helpers below or your own. */
export interface MigrationExecutor {
  /** "postgres" takes Prisma's advisory lock; PGlite has a single session and needs none. */
  readonly dialect: "postgres" | "pglite";
  withSession<T>(fn: (session: MigrationSession) => Promise<T>): Promise<T>;
}

/** Prisma's own advisory lock key, so our runner and `prisma migrate deploy` exclude each other. */
export const PRISMA_MIGRATION_LOCK_KEY = 72707369;

const LOCK_POLL_MS = 200;

/**
 * What the migration session's connection is held for, in its loss's message: opening the database
 * runs it before any command's own work, so an operator's `currency grant` may be the one told.
 */
const MIGRATION_SESSION_PURPOSE = "checking for and applying migrations, which opening the database does before any command's own work";
const LOCK_WAIT_MS = 60_000;

/**
 * Executor over a node-postgres pool. On dialect "postgres" it holds
 * `pg_advisory_lock(72707369)` for the session; it polls for up to a minute and then rejects,
 * rather than hang behind a stuck migrator. A connection lost during the session (its 'error'
 * event) rejects the session's next query with DbError CONNECTION_FAILED, never crashes the process.
 */
export function pgPoolExecutor(pool: pg.Pool, dialect: "postgres" | "pglite" = "postgres"): MigrationExecutor {
  return {
    dialect,
    async withSession(fn) {
      const connection = await holdConnection(pool, MIGRATION_SESSION_PURPOSE);
      const session: MigrationSession = {
        async query<T>(sql: string, params: unknown[] = []) {
          return (await connection.query(sql, params)).rows as T[];
        },
        async exec(script) {
          // No parameters: node-postgres uses the simple protocol, which accepts many statements.
          await connection.query(script);
        },
      };
      try {
        if (dialect === "postgres") await acquireAdvisoryLock(session);
        try {
          return await fn(session);
        } finally {
          // A lost session has released its lock with it; unlocking would only fail again.
          if (dialect === "postgres" && !connection.lost) {
            await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATION_LOCK_KEY]);
          }
        }
      } finally {
        connection.release();
      }
    },
  };
}

async function acquireAdvisoryLock(session: MigrationSession): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const [row] = await session.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [PRISMA_MIGRATION_LOCK_KEY]);
    if (row?.locked) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${LOCK_WAIT_MS / 1000}s waiting for the migration lock (pg_advisory_lock ${PRISMA_MIGRATION_LOCK_KEY}); another migrator is running or stuck.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

/** Executor over an in-process PGlite instance. */
export function pgliteExecutor(db: PGlite): MigrationExecutor {
  const session: MigrationSession = {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(script) {
      await db.exec(script);
    },
  };
  return { dialect: "pglite", withSession: (fn) => fn(session) };
}

const executors = new WeakMap<object, MigrationExecutor>();

/** Remembers how to migrate the database behind a client made by openDatabase/createTestDatabase. */
export function registerExecutor(client: PrismaClient, executor: MigrationExecutor): void {
  executors.set(client, executor);
}

/** The executor registered for `client`, if any. */
export function executorFor(client: PrismaClient): MigrationExecutor | undefined {
  return executors.get(client);
}
