// BEZGELOR_DB_DIR that cannot be the embedded database's directory: one line naming the variable
// and the path, exit 2 (CONFIG_INVALID). A fresh-user tester got Node's EEXIST stack and exit 1 for
// a file, and for /proc/x a process spinning at full CPU in Node's recursive mkdir, deaf to
// SIGTERM: the commands run as processes here, killed after a deadline, so a hang fails the test
// (in-process, the synchronous loop would hang the test runner itself).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = resolve(import.meta.dirname, "../src/bin.ts");
/** Long enough for tsx to start on a busy machine; a command that spins is killed after it. */
const DEADLINE_MS = 30_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), "bezgelor-db-dir-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/**
 * Runs bezgelor with BEZGELOR_DB_DIR set to `dbDir` (and no DATABASE_URL) and `extraEnv`; `code`
 * null when it had to be killed after `deadlineMs`.
 */
function bezgelor(
  dbDir: string,
  args: string[],
  extraEnv: Record<string, string> = {},
  deadlineMs = DEADLINE_MS,
): Promise<{ code: number | null; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "DATABASE_URL" && !name.startsWith("BEZGELOR_")));
  const child = spawn(process.execPath, ["--conditions=@bezgelor/source", "--import", "tsx", BIN, ...args], {
    env: { ...env, BEZGELOR_DB_DIR: dbDir, BEZGELOR_STORE_JOURNAL: join(dir, "journal.jsonl"), BEZGELOR_PORT: "0", BEZGELOR_HOST: "127.0.0.1", ...extraEnv },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const killer = setTimeout(() => child.kill("SIGKILL"), deadlineMs);
  return new Promise((done) =>
    child.on("close", (code) => {
      clearTimeout(killer);
      done({ code, stderr });
    }),
  );
}

/** One `error:` line naming the variable and the path, no stack. */
function expectConfigLine(stderr: string, path: string, what: string) {
  const lines = stderr.trim().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toContain(`error: invalid configuration: BEZGELOR_DB_DIR (db.dir): the embedded database directory ${path} `);
  expect(lines[0]).toContain(what);
  expect(lines[0]).toMatch(/ \[CONFIG_INVALID\]$/);
}

describe("BEZGELOR_DB_DIR that cannot be a directory", () => {
  it("a regular file: serve and a command exit 2 with one line, not EEXIST's stack", { timeout: 2 * DEADLINE_MS + 10_000 }, async () => {
    const file = join(dir, "a-file");
    await writeFile(file, "not a directory");
    const [command, serve] = await Promise.all([bezgelor(file, ["account", "show", "--email", "x@example.test"]), bezgelor(file, ["serve"])]);
    expect(command.code, command.stderr).toBe(2);
    expectConfigLine(command.stderr, file, "is a file, not a directory");
    expect(serve.code, serve.stderr).toBe(2);
    expect(serve.stderr).toContain(`the embedded database directory ${file} is a file, not a directory`);
    expect(serve.stderr).not.toMatch(/EEXIST|\n\s+at /);
  });

  it("a path under a file: exit 2 naming the file", { timeout: DEADLINE_MS + 10_000 }, async () => {
    const file = join(dir, "another-file");
    await writeFile(file, "not a directory");
    const result = await bezgelor(join(file, "db"), ["account", "show", "--email", "x@example.test"]);
    expect(result.code, result.stderr).toBe(2);
    expectConfigLine(result.stderr, join(file, "db"), `cannot be created: ${file} is a file, not a directory`);
  });

  it.runIf(existsSync("/proc/self"))(
    "a path nothing can be made at (/proc/x), or an existing one nothing can be written in (/proc): exit 2 at once",
    { timeout: DEADLINE_MS + 10_000 },
    async () => {
      const [direct, nested, existing] = await Promise.all([
        bezgelor("/proc/x", ["account", "show", "--email", "x@example.test"]),
        bezgelor("/proc/x/db", ["serve"]),
        bezgelor("/proc", ["account", "show", "--email", "x@example.test"]),
      ]);
      expect(direct.code, `killed after ${DEADLINE_MS} ms? ${direct.stderr}`).toBe(2);
      expectConfigLine(direct.stderr, "/proc/x", "cannot be created: mkdir /proc/x failed (ENOENT: the file system there does not take new directories)");
      expect(nested.code, `killed after ${DEADLINE_MS} ms? ${nested.stderr}`).toBe(2);
      expect(nested.stderr).toContain("the embedded database directory /proc/x/db cannot be created: mkdir /proc/x failed (ENOENT");
      // An existing directory nothing can be written in: a tester saw the lock's EACCES stack, exit 1.
      expect(existing.code, existing.stderr).toBe(2);
      expectConfigLine(existing.stderr, "/proc", "cannot be written: creating a file in it failed");
    },
  );

  it.runIf(existsSync("/proc/self"))(
    "a store journal nothing can be made at (/proc/x/journal.jsonl): serve exits 2 instead of spinning with the database held",
    { timeout: 2 * DEADLINE_MS + 10_000 },
    async () => {
      // The journal is opened before the database: a fresh directory is not even created.
      const dbDir = join(dir, "journal-db");
      const result = await bezgelor(dbDir, ["serve"], { BEZGELOR_STORE_JOURNAL: "/proc/x/journal.jsonl" }, 2 * DEADLINE_MS);
      expect(existsSync(dbDir)).toBe(false);
      expect(result.code, `killed after ${2 * DEADLINE_MS} ms? ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain("store journal /proc/x/journal.jsonl cannot be opened (store.journalFile, BEZGELOR_STORE_JOURNAL)");
      expect(result.stderr).toContain("The store journal's directory /proc/x cannot be created: mkdir /proc/x failed (ENOENT");
    },
  );
});
