// The committed migrations must produce exactly prisma/schema.prisma. Prisma's schema engine
// (WASM) applies them to an in-memory PGlite and diffs the result against the schema; any
// difference is SQL that a missing migration would contain. Fix a failure with `pnpm db:new <name>`.
// CHECK constraints are invisible to Prisma's differ, so the hand-written ones never show up here.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { resolveMigrationsDir } from "../src/migrate/migration-files.js";
import { diffMigrationsToSchema } from "../src/migrate/schema-engine.js";

const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../prisma/schema.prisma");
const migrationsDir = resolveMigrationsDir();

describe("migration drift", () => {
  it("the committed migrations produce exactly schema.prisma", async () => {
    const sql = await diffMigrationsToSchema({ schemaPath, migrationsDir });
    expect(sql, `schema.prisma has changes no migration contains; run \`pnpm db:new <name>\`:\n${sql}`).toBe("");
  });

  it("detects a schema edit that has no migration", async () => {
    const schema = await readFile(schemaPath, "utf8");
    const edited = schema.replace("model Account {", "model Account {\n  nickname String?");
    expect(edited).not.toBe(schema);
    const tmp = await mkdtemp(path.join(os.tmpdir(), "bezgelor-drift-"));
    const editedPath = path.join(tmp, "schema.prisma");
    await writeFile(editedPath, edited);
    const sql = await diffMigrationsToSchema({ schemaPath: editedPath, migrationsDir }).finally(() => rm(tmp, { recursive: true, force: true }));
    expect(sql).toMatch(/ALTER TABLE "accounts" ADD COLUMN\s+"nickname" TEXT/);
  });
});
