// `pnpm db:new <name> [--empty]`: writes prisma/migrations/<UTC yyyymmddHHMMSS>_<name>/migration.sql
// with the SQL that takes the committed migrations to prisma/schema.prisma. Same output as
// `prisma migrate dev --create-only`, but needs no database server and no native engine.
// `--empty` writes an empty script for a hand-written (data) migration.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { diffMigrationsToSchema } from "../src/migrate/schema-engine.js";
import { MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE } from "../src/migrate/migration-files.js";

const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../prisma");
const migrationsDir = path.join(prismaDir, "migrations");
const schemaPath = path.join(prismaDir, "schema.prisma");

function usage(message: string): never {
  console.error(`${message}\nusage: pnpm db:new <name> [--empty]   (name: lowercase letters, digits, _)`);
  process.exit(2);
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const empty = args.includes("--empty");
  const name = args.find((a) => !a.startsWith("--"));
  if (!name) usage("missing migration name");
  if (!/^[a-z0-9_]{1,200}$/.test(name)) usage(`invalid migration name "${name}"`);

  await mkdir(migrationsDir, { recursive: true });
  const sql = empty ? "-- Hand-written migration: add SQL here.\n" : await diffMigrationsToSchema({ schemaPath, migrationsDir });
  if (sql === "") {
    console.log("no changes: the migrations already produce prisma/schema.prisma");
    return;
  }
  const dir = path.join(migrationsDir, `${timestamp()}_${name}`);
  await mkdir(dir);
  await writeFile(path.join(dir, "migration.sql"), sql);
  const lockPath = path.join(migrationsDir, MIGRATION_LOCK_FILE);
  if (!existsSync(lockPath)) await writeFile(lockPath, MIGRATION_LOCK_CONTENT);
  console.log(`wrote ${path.relative(path.dirname(prismaDir), path.join(dir, "migration.sql"))}`);
  console.log("Review it; add CHECK constraints and data changes by hand before committing.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
