import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DB_ERROR_CODES, markMigrationRolledBack, migrateDatabase, type Database, type MigrationProgress } from "../src/index.js";
import { checksumOf, listMigrations, resolveMigrationsDir } from "../src/migrate/migration-files.js";
import type { MigrationRow } from "../src/migrate/prisma-migrations-table.js";
import { createTestDatabase } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

const opened: Database[] = [];
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

async function emptyDatabase(): Promise<Database> {
  const db = await createTestDatabase({ migrate: false });
  opened.push(db);
  return db;
}

async function migrationsFolder(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bezgelor-migrations-"));
  folders.push(dir);
  await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

type Row = MigrationRow;
const rows = (db: Database) => db.client.$queryRawUnsafe<Row[]>(`SELECT * FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`);
const tableExists = async (db: Database, table: string) =>
  (await db.client.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM information_schema.tables WHERE table_name = $1`, table)).length > 0;

describe("migrateDatabase", () => {
  it("applies the committed migrations with rows exactly like Prisma's, then is idempotent", async () => {
    const db = await emptyDatabase();
    const events: MigrationProgress[] = [];
    const { migrations } = await listMigrations(resolveMigrationsDir());
    const report = await migrateDatabase({ client: db.client, onProgress: (e) => events.push(e) });
    expect(report).toEqual({ applied: migrations.map((m) => m.name), alreadyApplied: 0 });
    expect(events[0]).toEqual({ type: "pending", names: migrations.map((m) => m.name) });
    expect(events.filter((e) => e.type === "applied")).toHaveLength(migrations.length);

    const applied = await rows(db);
    expect(applied).toHaveLength(migrations.length);
    for (const [i, row] of applied.entries()) {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.migration_name).toBe(migrations[i]?.name);
      expect(row.checksum).toBe(migrations[i]?.checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
    }
    expect(await tableExists(db, "characters")).toBe(true);

    await expect(migrateDatabase({ client: db.client })).resolves.toEqual({ applied: [], alreadyApplied: migrations.length });
    expect(await rows(db)).toHaveLength(migrations.length);
  });

  it("creates _prisma_migrations with Prisma's column types", async () => {
    const db = await emptyDatabase();
    await migrateDatabase({ client: db.client, migrationsDir: await migrationsFolder({}) });
    const columns = await db.client.$queryRawUnsafe<Array<{ column_name: string; data_type: string; is_nullable: string }>>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.is_nullable])).toEqual([
      ["id", "character varying", "NO"],
      ["checksum", "character varying", "NO"],
      ["finished_at", "timestamp with time zone", "YES"],
      ["migration_name", "character varying", "NO"],
      ["logs", "text", "YES"],
      ["rolled_back_at", "timestamp with time zone", "YES"],
      ["started_at", "timestamp with time zone", "NO"],
      ["applied_steps_count", "integer", "NO"],
    ]);
  });

  it("records a failed migration, rolls its changes back, and blocks later runs until resolved", async () => {
    const db = await emptyDatabase();
    const broken = 'CREATE TABLE "half" ("id" INT);\nSELECT * FROM "no_such_table";\n';
    const dir = await migrationsFolder({
      "20300101000000_first": 'CREATE TABLE "first" ("id" INT);',
      "20300101000001_broken": broken,
      "20300101000002_third": 'CREATE TABLE "third" ("id" INT);',
    });
    const error = await expectDbError(migrateDatabase({ client: db.client, migrationsDir: dir }), DB_ERROR_CODES.MIGRATION_FAILED);
    expect(error.message).toContain('Migration "20300101000001_broken" failed');
    expect(error.message).toContain("no_such_table");
    expect(error.message).toContain("prisma migrate resolve --rolled-back 20300101000001_broken");
    expect(error.details).toMatchObject({ migration: "20300101000001_broken" });

    const failed = (await rows(db)).find((r) => r.migration_name === "20300101000001_broken");
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0, checksum: checksumOf(broken) });
    expect(failed?.logs).toContain("no_such_table");
    expect(await tableExists(db, "first")).toBe(true);
    expect(await tableExists(db, "half")).toBe(false); // the script ran as one transaction
    expect(await tableExists(db, "third")).toBe(false);

    // Even after the file is fixed, the recorded failure blocks until someone resolves it.
    await writeFile(path.join(dir, "20300101000001_broken", "migration.sql"), 'CREATE TABLE "half" ("id" INT);');
    const blocked = await expectDbError(migrateDatabase({ client: db.client, migrationsDir: dir }), DB_ERROR_CODES.MIGRATION_FAILED);
    expect(blocked.message).toContain("20300101000001_broken");
    expect(await tableExists(db, "third")).toBe(false);

    await markMigrationRolledBack({ client: db.client, migrationName: "20300101000001_broken" });
    await expect(migrateDatabase({ client: db.client, migrationsDir: dir })).resolves.toEqual({
      applied: ["20300101000001_broken", "20300101000002_third"],
      alreadyApplied: 1,
    });
    const history = await rows(db);
    expect(history.filter((r) => r.migration_name === "20300101000001_broken").map((r) => r.rolled_back_at === null)).toEqual([false, true]);
    await expectDbError(markMigrationRolledBack({ client: db.client, migrationName: "20300101000002_third" }), DB_ERROR_CODES.INVALID_INPUT);
  });

  it("concurrent runs apply each migration once (advisory lock on PostgreSQL)", async () => {
    const db = await emptyDatabase();
    const runs = await Promise.all([migrateDatabase({ client: db.client }), migrateDatabase({ client: db.client })]);
    const { migrations } = await listMigrations(resolveMigrationsDir());
    expect(runs.map((r) => r.applied.length).sort()).toEqual([0, migrations.length]);
    expect(await rows(db)).toHaveLength(migrations.length);
  });

  it("refuses a client it did not create with INVALID_INPUT", async () => {
    await expectDbError(migrateDatabase({ client: {} as never }), DB_ERROR_CODES.INVALID_INPUT);
  });
});
