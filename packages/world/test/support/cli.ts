// The admin CLI run in-process through its own entry (`runCli`), with stdout, stderr and the exit
// code captured. Opening the embedded directory costs each command seconds (a PGlite thread boots
// and closes), so a file's commands share one open database through the CLI's openDatabase seam.
// What that skips (a command opening, migrating and releasing the directory itself) is proven by
// the spawned binary in process.e2e.test.ts and by `realCli` below.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { migrateDatabase, openDatabase, type Database, type OpenDatabaseOptions } from "@bezgelor/db";
import { createTestDatabaseDir } from "@bezgelor/db/testing";
import { runCli, type CliIo } from "../../src/cli/main";
import type { ExitCode } from "../../src/cli/command";
import { loadConfig } from "../../src/config/load";

/** What one CLI run gave: its exit code, what it wrote, and stdout parsed as JSON. */
export interface CliResult {
  code: ExitCode;
  stdout: string;
  stderr: string;
  json: <T = Record<string, unknown>>() => T;
}

/** Opens a database the way the CLI's seam does (`CliIo["openDatabase"]`). */
export type OpenDatabase = (options: OpenDatabaseOptions) => Promise<Database>;

/** The CLI harness of one test file (see {@link cliHarness}). */
export interface CliHarness {
  /** The environment the commands see: the caller's, less BEZGELOR_LOG_LEVEL, with a fresh BEZGELOR_DB_DIR. */
  env: Record<string, string | undefined>;
  /** The fresh folder that holds BEZGELOR_DB_DIR, for the test's own files. */
  dir: string;
  /** Runs `bezgelor <argv>` in-process on the shared database. */
  cli: (...argv: string[]) => Promise<CliResult>;
  /** Runs `bezgelor <argv>` with an io of the caller's (its own seam, output sinks) over the shared database by default. */
  run: (argv: string[], io?: Partial<CliIo>) => Promise<ExitCode>;
  /** Runs `bezgelor <argv>` with the real seam: the command opens (migrating) and closes BEZGELOR_DB_DIR itself. */
  realCli: (...argv: string[]) => Promise<CliResult>;
  /** The shared opener: the first call opens (and migrates) the database, later calls migrate it again as a fresh open would. */
  open: OpenDatabase;
  /** The shared database itself, for a test that changes rows behind the CLI's back (the harness closes it). */
  database: () => Promise<Database>;
}

/**
 * A harness over a fresh copy of a migrated embedded directory (or DATABASE_URL's database). The shared
 * database is closed after the file's tests. A command's `close()` of it does nothing, so every
 * command sees what the earlier ones wrote, exactly as when each opens the directory anew.
 */
export function cliHarness(name: string): CliHarness {
  const { BEZGELOR_LOG_LEVEL: _quiet, ...inherited } = process.env;
  const dir = mkdtempSync(join(tmpdir(), `bezgelor-${name}-`));
  const env: Record<string, string | undefined> & { BEZGELOR_DB_DIR: string } = { ...inherited, BEZGELOR_DB_DIR: join(dir, "db") };
  let shared: Promise<Database> | undefined;
  // The embedded directory starts as a copy of a migrated one (DATABASE_URL's database is migrated).
  let seeded: Promise<void> | undefined;
  const seed = () => (seeded ??= env.DATABASE_URL ? Promise.resolve() : createTestDatabaseDir(env.BEZGELOR_DB_DIR));

  /** The shared database, opened (and migrated, unless told not to) by the first caller; true when this call opened it. */
  const ensure = async (options: OpenDatabaseOptions): Promise<{ database: Database; opened: boolean }> => {
    await seed();
    const opened = !shared;
    shared ??= openDatabase(options).catch((error: unknown) => {
      shared = undefined; // a failed open is not kept: the next command tries again
      throw error;
    });
    return { database: await shared, opened };
  };

  const open: OpenDatabase = async (options) => {
    const { database, opened } = await ensure(options);
    if (!opened && (options.migrate ?? true)) await migrateDatabase({ client: database.client, ...(options.logger ? { logger: options.logger } : {}) });
    return { ...database, close: () => Promise.resolve() };
  };

  afterAll(async () => {
    const database = await shared?.catch(() => undefined);
    await database?.close();
  });

  const capture = async (argv: string[], seam: Pick<CliIo, "openDatabase">): Promise<CliResult> => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, { env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...seam });
    return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
  };

  return {
    env,
    dir,
    open,
    cli: (...argv) => capture(argv, { openDatabase: open }),
    run: (argv, io = {}) => runCli(argv, { env, stdout: () => undefined, stderr: () => undefined, openDatabase: open, ...io }),
    realCli: async (...argv) => {
      // The directory is free for the command only while the shared database is closed.
      const database = await shared?.catch(() => undefined);
      shared = undefined;
      await database?.close();
      await seed();
      return capture(argv, {});
    },
    database: async () => (await ensure({ config: loadConfig(env).db })).database,
  };
}

/**
 * A seam over `open` whose database commits its first transaction and then loses the reply, as a
 * dropped connection would; `log.stderrAtSend` is what the command had written to stderr by then.
 */
export function losingFirstReply(open: OpenDatabase, log: { stderrAtSend?: string }, stderr: () => string): Pick<CliIo, "openDatabase"> {
  let lost = false;
  return {
    openDatabase: async (options: OpenDatabaseOptions): Promise<Database> => {
      const database = await open(options);
      const client = new Proxy(database.client, {
        get(target, prop) {
          if (prop === "$transaction" && !lost) {
            return async (...args: unknown[]) => {
              log.stderrAtSend = stderr();
              const result: unknown = await (target.$transaction as (...a: unknown[]) => Promise<unknown>)(...args);
              lost = true;
              void result; // committed; the reply never arrives
              throw Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });
            };
          }
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      return { kind: database.kind, client, close: () => database.close(), listen: database.listen };
    },
  };
}
