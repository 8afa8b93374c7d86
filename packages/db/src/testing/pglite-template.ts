// Test databases on PGlite: creating a data directory costs seconds, loading a dump of one costs
// a fraction of that. So the migrated state is built once per migration set (and PGlite version),
// dumped to os.tmpdir(), and every test database is loaded from that dump into memory.
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExecutor } from "../migrate/executor.js";
import { migrateDatabase } from "../migrate/migrate-database.js";
import { checksumOf, listMigrations, migrationSetHash } from "../migrate/migration-files.js";
import { isHolderAlive, readLock } from "../open/directory-lock.js";

const CACHE_DIR = path.join(os.tmpdir(), "bezgelor-db-test");
const WAIT_MS = 120_000;
const pgliteVersion = packageVersion("@electric-sql/pglite");

/** A dump only loads into the PGlite release that wrote it, so the version is part of the key. */
function packageVersion(name: string): string {
  // The package's exports map hides package.json; find it next to the resolved entry point.
  for (let dir = path.dirname(createRequire(import.meta.url).resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
  }
  return "unknown";
}

const dumps = new Map<string, Promise<Blob>>();

/** The dump of a migrated (or, with `migrationsDir` null, empty) PGlite database, cached. */
export function pgliteTemplate(migrationsDir: string | null): Promise<Blob> {
  const key = migrationsDir ?? "<empty>";
  let dump = dumps.get(key);
  if (!dump) {
    dump = loadOrBuild(migrationsDir);
    dumps.set(key, dump);
  }
  return dump;
}

async function loadOrBuild(migrationsDir: string | null): Promise<Blob> {
  const file = await templatePath(migrationsDir, "tar");
  await buildOnce(file, (tmp) => build(migrationsDir, tmp));
  return new Blob([readFileSync(file)]);
}

/**
 * Where the template of `migrationsDir` (null: no migrations) is cached, as a file or folder
 * named by `suffix`: one per migration set and PGlite release, in os.tmpdir().
 */
export async function templatePath(migrationsDir: string | null, suffix: string): Promise<string> {
  const setHash = migrationsDir ? migrationSetHash(await listMigrations(migrationsDir)) : "empty";
  await mkdir(CACHE_DIR, { recursive: true });
  return path.join(CACHE_DIR, `pglite-${checksumOf(`${pgliteVersion}:${setHash}`).slice(0, 16)}.${suffix}`);
}

/**
 * Makes `target` exist: unless it does, one process (of every test worker waiting on it) runs
 * `build(tmp)`, which writes the file or folder `tmp`, renamed to `target` once whole. Rejects
 * when `build` does, or after two minutes of waiting for another builder.
 */
export async function buildOnce(target: string, build: (tmp: string) => Promise<void>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (existsSync(target)) return;
    if (tryLock(`${target}.lock`)) {
      try {
        if (!existsSync(target)) {
          const tmp = `${target}.${process.pid}.tmp`;
          await build(tmp);
          renameSync(tmp, target); // readers see the whole template or none
        }
      } finally {
        unlinkSync(`${target}.lock`);
      }
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for another process to build ${target}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Another test worker may be building the same dump; only one builds, the rest wait. */
function tryLock(lockPath: string): boolean {
  const info = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), command: "test template", token: "" };
  try {
    writeFileSync(lockPath, JSON.stringify(info), { flag: "wx" });
    return true;
  } catch {
    const holder = readLock(lockPath);
    if (holder && !isHolderAlive(holder)) unlinkSync(lockPath); // builder died; next loop retries
    return false;
  }
}

async function build(migrationsDir: string | null, file: string): Promise<void> {
  const db = await PGlite.create();
  try {
    if (migrationsDir) await migrateDatabase({ executor: pgliteExecutor(db), migrationsDir });
    const dump = await db.dumpDataDir("none");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}
