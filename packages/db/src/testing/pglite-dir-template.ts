// Embedded database directories for tests: a new directory costs its first opener seconds (PGlite
// creates its cluster, then every migration runs). A test that only needs a migrated directory
// gets a copy of one that openDatabase made once per migration set and PGlite release.
import { cpSync, existsSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { resolveMigrationsDir } from "../migrate/migration-files.js";
import { openDatabase } from "../open/open-database.js";
import { PGDATA_SUBDIR } from "../open/open-pglite.js";
import { buildOnce, templatePath } from "./pglite-template.js";

/**
 * Fills `dir` (absent or empty) with a migrated embedded database, so that
 * `openDatabase({ config: { dir } })` opens it with nothing to migrate. The template is built by
 * openDatabase itself, closed, so `dir` holds no lock or socket. Rejects when `dir` holds files
 * already, or when building the template fails (CONNECTION_FAILED, MIGRATION_FAILED).
 */
export async function createTestDatabaseDir(dir: string): Promise<void> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`createTestDatabaseDir: ${dir} is not empty`);
  const template = await templatePath(resolveMigrationsDir(), "dir");
  await buildOnce(template, async (tmp) => {
    await rm(tmp, { recursive: true, force: true }); // a builder that died here left it half-made
    const database = await openDatabase({ config: { dir: tmp } });
    await database.close();
  });
  cpSync(path.join(template, PGDATA_SUBDIR), path.join(dir, PGDATA_SUBDIR), { recursive: true });
}
