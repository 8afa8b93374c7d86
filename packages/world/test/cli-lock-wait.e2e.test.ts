// Two processes on one embedded directory while the server is down: a `bezgelor` command that finds
// the directory held by another process that does not share it (a first command still running)
// says on stderr that it waits (a warning when the wait starts and one when it ends, not one per
// retry), runs once the holder lets go, and fails with DIRECTORY_LOCKED (exit 5) only after
// BEZGELOR_DB_LOCK_WAIT seconds. The commands are the real binary, each its own process.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getAccountByEmail, openDatabase } from "@bezgelor/db";
import { createTestDatabaseDir } from "@bezgelor/db/testing";

const BIN = resolve(import.meta.dirname, "../src/bin.ts");
const dbDir = join(mkdtempSync(join(tmpdir(), "bezgelor-lock-wait-")), "db");
const { BEZGELOR_LOG_LEVEL: _quiet, DATABASE_URL: _embedded, ...inherited } = process.env;

interface Run {
  stderrHas(text: string): Promise<void>;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function bezgelor(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ["--conditions=@bezgelor/source", "--import", "tsx", BIN, ...args], {
    env: { ...inherited, BEZGELOR_DB_DIR: dbDir, ...env },
  });
  let stdout = "";
  let stderr = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    for (const w of waiters.filter((w) => stderr.includes(w.text))) w.resolve();
  });
  return {
    stderrHas: (text) => new Promise<void>((resolve) => (stderr.includes(text) ? resolve() : waiters.push({ text, resolve }))),
    done: new Promise((done) => child.on("close", (code) => done({ code, stdout, stderr }))),
  };
}

/** "waiting" once the command said `text` on stderr, or how it ended if it ended first. */
const waitingOrExited = (run: Run, text: string) =>
  Promise.race([run.stderrHas(text).then(() => "waiting"), run.done.then((r) => `exited ${r.code}: ${r.stderr}`)]);

const email = (n: string) => `lock-${n}-${process.pid}-${Date.now()}@example.test`;
const create = (address: string, env: Record<string, string> = {}) => bezgelor(["account", "create", "--email", address, "--password", "lock-password"], env);

beforeAll(() => createTestDatabaseDir(dbDir), 120_000);

describe("bezgelor commands on a held embedded directory", () => {
  it("waits for the process holding the directory, says so on stderr, then runs", { timeout: 180_000 }, async () => {
    // This test process is the first command: it holds the directory (no sharing) while the second starts.
    const first = await openDatabase({ config: { dir: dbDir, lockWaitSeconds: 0 } });
    const address = email("waits");
    const second = create(address);
    let released = false;
    try {
      expect(await waitingOrExited(second, "waiting up to 30 s for it to finish")).toBe("waiting");
      expect(await Promise.race([second.done.then(() => "exited"), new Promise((r) => setTimeout(() => r("waiting"), 500))])).toBe("waiting");
    } finally {
      await first.close();
      released = true;
    }
    const result = await second.done;
    expect(released).toBe(true);
    expect(result.code).toBe(0);
    // Said as the CLI's other warnings are, once when the wait starts and once when it ends.
    expect(result.stderr).toMatch(new RegExp(`^warning: Database directory .* is in use by pid ${process.pid} .*; waiting up to 30 s for it to finish`, "m"));
    expect(result.stderr).toMatch(/^warning: Database directory .* is free after waiting \d+\.\d s; going on\.$/m);
    expect(result.stderr.match(/is in use by/g)).toHaveLength(1);
    const db = await openDatabase({ config: { dir: dbDir } });
    try {
      await expect(getAccountByEmail(db.client, { email: address })).resolves.toMatchObject({ email: address });
    } finally {
      await db.close();
    }
  });

  it("fails with DIRECTORY_LOCKED (exit 5) only after BEZGELOR_DB_LOCK_WAIT seconds", { timeout: 180_000 }, async () => {
    const first = await openDatabase({ config: { dir: dbDir, lockWaitSeconds: 0 } });
    try {
      const second = create(email("gives-up"), { BEZGELOR_DB_LOCK_WAIT: "2" });
      expect(await waitingOrExited(second, "waiting up to 2 s")).toBe("waiting");
      const result = await second.done;
      expect(result.code).toBe(5);
      expect(result.stderr).toContain("[DIRECTORY_LOCKED]");
      expect(result.stderr).toMatch(/^warning: Database directory .* waiting up to 2 s/m);
      expect(result.stderr).toMatch(/Waited 2\.\d s for it/);
      expect(result.stderr).toContain(
        `It uses the directory alone (most likely another bezgelor command, run while no world server is running): wait for it to finish, or stop it (kill ${process.pid}), then try again.`,
      );
      expect(result.stderr).not.toContain("share: true");
      expect(result.stdout).toBe("");
    } finally {
      await first.close();
    }
  });

  it("two commands started together both run, one after the other", { timeout: 180_000 }, async () => {
    const a = create(email("a"));
    const b = create(email("b"));
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
  });
});
