import { pgliteListen } from "../open/listen.js";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { announcementsSettled } from "../events/announce-events.js";
import { silentLogger, type DbLogger } from "../logger.js";
import { pgliteExecutor, registerExecutor } from "../migrate/executor.js";
import { resolveMigrationsDir } from "../migrate/migration-files.js";
import { closer, type Database } from "../open/database.js";
import { connectPgPool } from "../open/open-postgres.js";
import { createPgDatabase, dropPgDatabase, pgTemplate, urlForDatabase } from "./pg-template.js";
import { pgliteTemplate } from "./pglite-template.js";

// A copy of the migrated template is another database: it gets an identity of its own.
// (Guarded: a migration test's own migrations may not make the table.)
const FRESH_IDENTITY = `DO $$ BEGIN
  IF to_regclass('database_identity') IS NOT NULL THEN UPDATE "database_identity" SET "id" = gen_random_uuid(); END IF;
END $$`;

/** Options for {@link createTestDatabase}. */
export interface CreateTestDatabaseOptions {
  /** Apply the migrations (default true). False gives an empty database, for migration tests. */
  migrate?: boolean;
  /** Defaults to the package's migrations. */
  migrationsDir?: string;
  /** PostgreSQL URL; defaults to `process.env.DATABASE_URL`. Without one, PGlite in memory. */
  url?: string;
  logger?: DbLogger;
}

/**
 * A fresh, isolated database for one test (file): PGlite in memory loaded from a cached migrated
 * template, or with DATABASE_URL a new PostgreSQL database copied from a migrated template
 * database and dropped on close(). Rejects when PostgreSQL is unreachable or a migration fails.
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<Database> {
  // Test support is the one place besides the world package that reads the environment: it is
  // how CI points the same suite at PostgreSQL.
  const url = options.url ?? process.env.DATABASE_URL;
  const migrationsDir = options.migrate === false ? null : (options.migrationsDir ?? resolveMigrationsDir());
  const logger = options.logger ?? silentLogger();
  if (url) {
    const template = migrationsDir ? await pgTemplate(url, migrationsDir) : null;
    const name = await createPgDatabase(url, template);
    const pool = new pg.Pool({ connectionString: urlForDatabase(url, name), max: 20 });
    if (template) await pool.query(FRESH_IDENTITY);
    return connectPgPool({ pool, kind: "postgres", logger, afterClose: () => dropPgDatabase(url, name) });
  }
  const dump = await pgliteTemplate(migrationsDir);
  const pglite = await PGlite.create({ loadDataDir: dump });
  if (migrationsDir) await pglite.exec(FRESH_IDENTITY);
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite), errorFormat: "minimal" });
  registerExecutor(client, pgliteExecutor(pglite));
  const close = closer([() => announcementsSettled(client), () => client.$disconnect(), () => pglite.close()], (error) =>
    logger.warn({ err: error }, "closing test db"),
  );
  return { client, kind: "pglite", close, listen: pgliteListen(pglite) };
}

/**
 * A fresh, migrated PostgreSQL database on the server of `url` (default DATABASE_URL), for tests
 * whose other processes must reach the same database by URL. Returns its URL and `drop()`.
 * Rejects when no URL is given or PostgreSQL is unreachable.
 */
export async function createTestPostgresDatabase(url: string | undefined = process.env.DATABASE_URL): Promise<{ url: string; drop(): Promise<void> }> {
  if (!url) throw new Error("createTestPostgresDatabase needs a PostgreSQL URL (DATABASE_URL)");
  const name = await createPgDatabase(url, await pgTemplate(url, resolveMigrationsDir()));
  const pool = new pg.Pool({ connectionString: urlForDatabase(url, name), max: 1 });
  await pool.query(FRESH_IDENTITY).finally(() => pool.end());
  return { url: urlForDatabase(url, name), drop: () => dropPgDatabase(url, name) };
}
