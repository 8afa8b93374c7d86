// Dev-time only (migration authoring and the drift test): drives Prisma's own schema engine,
// compiled to WebAssembly, against an in-memory PGlite. The Prisma CLI's `migrate` commands need
// a native binary that cannot be installed here. The engine API is internal to Prisma, which is
// why @prisma/schema-engine-wasm is pinned to prisma's exact engine hash.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { listMigrations, MIGRATION_LOCK_CONTENT, type MigrationFileSet } from "./migration-files.js";

const require = createRequire(import.meta.url);

/** The subset of @prisma/driver-adapter-utils we need; it is a transitive dependency only. */
interface AdapterUtils {
  bindMigrationAwareSqlAdapterFactory(factory: unknown): object;
}

/**
 * pglite-prisma-adapter 0.7.2 starts `exec()` in executeScript without awaiting it, so a failing
 * migration looks applied and its error escapes as an unhandled rejection. This factory hands the
 * engine adapters whose executeScript awaits.
 */
class AwaitingPGliteFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pglite-awaiting";
  readonly #clients: PGlite[] = [];

  async connect(): Promise<unknown> {
    return this.#adapter();
  }

  async connectToShadowDb(): Promise<unknown> {
    return this.#adapter();
  }

  async #adapter(): Promise<unknown> {
    const client = await PGlite.create();
    this.#clients.push(client);
    const adapter = (await new PrismaPGlite(client).connect()) as unknown as {
      executeScript(script: string): Promise<void>;
      onError(error: unknown): never;
    };
    adapter.executeScript = async (script) => {
      try {
        await client.exec(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    return adapter;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.#clients.splice(0).map((c) => c.close()));
  }
}

// The base tsconfig has no DOM lib, so WebAssembly is untyped as a value; this is all we use.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: object };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let wasmLoaded: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

function loadEngineModule() {
  wasmLoaded ??= (async () => {
    // The package's main module imports the .wasm file as an ES module, which Node cannot do;
    // instantiate by hand against its JS glue instead.
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const module = new wasmApi.Module(await readFile(wasmPath));
    const instance = new wasmApi.Instance(module, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return glue;
  })();
  return wasmLoaded;
}

function adapterUtils(): AdapterUtils {
  // Resolved through @prisma/adapter-pg so the version always matches the Prisma release.
  const fromAdapterPg = createRequire(require.resolve("@prisma/adapter-pg"));
  return fromAdapterPg("@prisma/driver-adapter-utils") as AdapterUtils;
}

/** Options for {@link diffMigrationsToSchema}. */
export interface DiffOptions {
  schemaPath: string;
  migrationsDir: string;
}

/**
 * SQL that would take a database built from the migrations in `migrationsDir` to the schema at
 * `schemaPath`; an empty string when they agree. Throws when the engine fails (for example a
 * migration that does not apply).
 */
export async function diffMigrationsToSchema(options: DiffOptions): Promise<string> {
  const glue = await loadEngineModule();
  const schema = await readFile(options.schemaPath, "utf8");
  const migrations = await listMigrations(options.migrationsDir);
  const factory = new AwaitingPGliteFactory();
  const logs: string[] = [];
  let engine: SchemaEngine | undefined;
  try {
    engine = await glue.SchemaEngine.new(
      { datamodels: [[options.schemaPath, schema]] },
      (log: string) => logs.push(log),
      adapterUtils().bindMigrationAwareSqlAdapterFactory(factory),
    );
    const result = await engine.diff({
      from: { tag: "migrations", ...toEngineList(options.migrationsDir, migrations) },
      to: { tag: "schemaDatamodel", files: [{ path: options.schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return normaliseEmpty(result.stdout ?? "");
  } finally {
    engine?.free();
    await factory.dispose();
  }
}

/** The engine prints a comment-only script when nothing differs. */
function normaliseEmpty(sql: string): string {
  const meaningful = sql.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return meaningful.length === 0 ? "" : sql;
}

function toEngineList(baseDir: string, set: MigrationFileSet) {
  return {
    baseDir,
    // A brand-new folder has no lock file yet; the engine only needs it to know the provider.
    lockfile: { path: "migration_lock.toml", content: set.lockfile ?? MIGRATION_LOCK_CONTENT },
    shadowDbInitScript: "",
    migrationDirectories: set.migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: m.sql } },
    })),
  };
}
