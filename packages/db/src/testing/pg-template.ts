// Test databases on PostgreSQL: a template database is migrated once per migration set (under an
// advisory lock, published by rename only when complete), then every test gets
// `CREATE DATABASE ... TEMPLATE`, a file-level copy that takes milliseconds.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pgPoolExecutor } from "../migrate/executor.js";
import { migrateDatabase } from "../migrate/migrate-database.js";
import { listMigrations, migrationSetHash } from "../migrate/migration-files.js";
import { holdConnection } from "../open/held-connection.js";

const TEMPLATE_LOCK_KEY = 72707370; // next to Prisma's migration lock key, on purpose distinct
const admins = new Map<string, pg.Pool>();
const templates = new Map<string, Promise<string>>();

/** A pool on the DATABASE_URL database, used to create and drop test databases. */
export function adminPool(url: string): pg.Pool {
  let pool = admins.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 3, allowExitOnIdle: true });
    // An idle connection ended by the server (a restart) is dropped; without a listener, its 'error' would crash the run.
    pool.on("error", () => undefined);
    admins.set(url, pool);
  }
  return pool;
}

/** `url` pointing at database `name` instead. */
export function urlForDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Name of the migrated template database for `migrationsDir`, created if needed. */
export function pgTemplate(url: string, migrationsDir: string): Promise<string> {
  const key = `${url}|${migrationsDir}`;
  let template = templates.get(key);
  if (!template) {
    template = ensureTemplate(url, migrationsDir);
    templates.set(key, template);
  }
  return template;
}

async function ensureTemplate(url: string, migrationsDir: string): Promise<string> {
  const name = `bezgelor_tpl_${migrationSetHash(await listMigrations(migrationsDir)).slice(0, 16)}`;
  const client = await holdConnection(adminPool(url), "building the test template");
  try {
    await client.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK_KEY]);
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${quote(building)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quote(building)}`);
      const pool = new pg.Pool({ connectionString: urlForDatabase(url, building), max: 1 });
      try {
        await migrateDatabase({ executor: pgPoolExecutor(pool), migrationsDir });
      } finally {
        await pool.end();
      }
      await client.query(`ALTER DATABASE ${quote(building)} RENAME TO ${quote(name)}`);
    }
    return name;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

/** Creates a uniquely named database, copied from `template` or empty; returns its name. */
export async function createPgDatabase(url: string, template: string | null): Promise<string> {
  const name = `bezgelor_test_${randomBytes(6).toString("hex")}`;
  const sql = `CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ""}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminPool(url).query(sql);
      return name;
    } catch (error) {
      // 55006: another session is copying the template at this instant; PostgreSQL refuses
      // concurrent copies instead of queueing them.
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    }
  }
}

/** Drops a test database, disconnecting anyone left. */
export async function dropPgDatabase(url: string, name: string): Promise<void> {
  await adminPool(url).query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
}
