// openDatabase on the embedded target: first-use creation, the directory lock (seen from a real
// second process), stale-lock takeover, sharing through the socket, and the config errors.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, DB_ERROR_CODES, getAccountByEmail, migrateDatabase, openDatabase, type DbLogger } from "../src/index.js";
import { uniqueEmail } from "../src/testing/index.js";
import { createPgDatabase, dropPgDatabase, urlForDatabase } from "../src/testing/pg-template.js";
import { runChild, startChild } from "./child-process.js";
import { expectDbError } from "./expect-db-error.js";

let dir: string;
const lockPath = () => path.join(dir, "bezgelor.lock");
const readLockFile = () => JSON.parse(readFileSync(lockPath(), "utf8")) as Record<string, unknown>;

/** Whether `pid` runs (a zombie, killed but not reaped by its new parent, does not). */
function isRunning(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) [ZX]/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function capturingLogger() {
  const warnings: string[] = [];
  const logger = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (obj: unknown, msg?: string) => void warnings.push(`${msg ?? ""} ${JSON.stringify(obj)}`),
  } as unknown as DbLogger;
  return { logger, warnings };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "bezgelor-open-"));
  // First use creates and migrates the directory; every later open reuses it (~0.5 s).
  const db = await openDatabase({ config: { dir } });
  expect(db.kind).toBe("pglite");
  await expect(db.client.account.count()).resolves.toBe(0);
  await db.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/**
 * Kills (SIGKILL) a process in the middle of applying a slow migration to `target` (a directory or
 * a PostgreSQL url), then migrates again: nothing blocks, and the migration is applied exactly once.
 * On PostgreSQL the orphaned backend finishes its sleep and may commit the whole script before it
 * notices its client is gone (the next run then finds it applied), or roll it all back: never half.
 */
async function migrationSurvivesKill(target: string, config: { dir?: string; url?: string }): Promise<void> {
  const from = await mkdtemp(path.join(os.tmpdir(), "bezgelor-slow-migration-"));
  try {
    await writeFile(path.join(from, "migration_lock.toml"), 'provider = "postgresql"\n');
    const name = "20300101000000_slow";
    await mkdir(path.join(from, name));
    await writeFile(path.join(from, name, "migration.sql"), 'CREATE TABLE "slow" ("id" INT);\nSELECT pg_sleep(5);\n');
    const child = startChild([target, "migrate", from]);
    child.report.catch(() => undefined); // killed before it reports
    await child.logged(`applying ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 500)); // inside pg_sleep by now
    child.process.kill("SIGKILL");
    await child.exited;

    await writeFile(path.join(from, name, "migration.sql"), 'CREATE TABLE "slow" ("id" INT);\n');
    const db = await openDatabase({ config, migrate: false });
    try {
      const report = await migrateDatabase({ client: db.client, migrationsDir: from });
      expect(report.applied.length + report.alreadyApplied).toBe(1);
      if (config.dir) expect(report.applied).toEqual([name]); // the embedded database died with its process
      const rows = await db.client.$queryRawUnsafe<{ finished_at: Date | null }[]>(`SELECT "finished_at" FROM "_prisma_migrations"`);
      expect(rows.map((r) => r.finished_at instanceof Date)).toEqual([true]);
      await expect(db.client.$queryRawUnsafe(`SELECT count(*)::int AS n FROM "slow"`)).resolves.toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  } finally {
    await rm(from, { recursive: true, force: true });
  }
}

describe("openDatabase (embedded)", () => {
  // A tester's kill -9 during a first start left the creator writing into the staging directory
  // that the next start removed under it (ENOTEMPTY, exit 5, or two clusters mixed).
  it("a start killed while creating the cluster: the next start stops the creator it left running, then opens", async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), "bezgelor-killed-creation-"));
    try {
      const child = startChild([fresh, "probe"]);
      child.report.catch(() => undefined); // killed before it reports
      const pidFile = path.join(fresh, "pgdata.creating.pid");
      await child.logged("creating the embedded database's cluster");
      while (!existsSync(pidFile)) await new Promise((resolve) => setTimeout(resolve, 20));
      const creator = Number(readFileSync(pidFile, "utf8"));
      child.process.kill("SIGKILL");
      await child.exited;
      expect(isRunning(creator)).toBe(true); // orphaned, still creating

      const { logger, warnings } = capturingLogger();
      const db = await openDatabase({ config: { dir: fresh }, logger });
      try {
        expect(warnings.join("\n")).toContain("stopping the cluster creation an interrupted start left running");
        expect(isRunning(creator)).toBe(false);
        await expect(db.client.account.count()).resolves.toBe(0);
      } finally {
        await db.close();
      }
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  }, 90_000);

  it("a process killed while applying a migration leaves nothing that blocks the next start", async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), "bezgelor-killed-migration-"));
    try {
      await migrationSurvivesKill(fresh, { dir: fresh });
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  }, 60_000);

  it("holds a lock naming this process while open and removes it on close", async () => {
    const db = await openDatabase({ config: { dir } });
    expect(readLockFile()).toMatchObject({ pid: process.pid, hostname: os.hostname(), command: process.argv.join(" ") });
    expect(typeof readLockFile().startedAt).toBe("string");
    await db.close();
    await db.close(); // idempotent
    expect(existsSync(lockPath())).toBe(false);
  });

  it("a second process gets DIRECTORY_LOCKED naming the holder's pid and command", async () => {
    const db = await openDatabase({ config: { dir } });
    try {
      const report = await runChild([dir, "probe"]);
      expect(report).toMatchObject({ ok: false, code: DB_ERROR_CODES.DIRECTORY_LOCKED });
      expect(report.message).toContain(`pid ${process.pid}`);
      expect(report.message).toContain(process.argv.join(" "));
      // What holds it and what to do, in the operator's words (not the library's option).
      expect(report.message).toContain("It uses the directory alone (most likely another bezgelor command");
      expect(report.message).toContain(`wait for it to finish, or stop it (kill ${process.pid})`);
      expect(report.message).not.toContain("share: true");
    } finally {
      await db.close();
    }
  });

  it("a second process waits for a holder that does not share, says so, and opens the directory once it closes", async () => {
    const db = await openDatabase({ config: { dir, lockWaitSeconds: 0 } });
    const child = startChild([dir, "write", uniqueEmail()], { OPEN_CHILD_LOCK_WAIT: "120" });
    let closed = false;
    try {
      await child.logged(`is in use by pid ${process.pid}`);
      // Still waiting, not refused: it has not reported.
      const early = await Promise.race([child.report.then(() => "reported"), new Promise((resolve) => setTimeout(() => resolve("waiting"), 500))]);
      expect(early).toBe("waiting");
      expect(readLockFile()).toMatchObject({ pid: process.pid });
    } finally {
      await db.close();
      closed = true;
    }
    await expect(child.report).resolves.toMatchObject({ ok: true, kind: "pglite" });
    expect(closed).toBe(true);
    await expect(child.exited).resolves.toBe(0);
    expect(existsSync(lockPath())).toBe(false);
  });

  it("a waiting process gives up with DIRECTORY_LOCKED naming the holder once lockWaitSeconds have passed", async () => {
    const db = await openDatabase({ config: { dir } });
    try {
      const child = startChild([dir, "probe"], { OPEN_CHILD_LOCK_WAIT: "1" });
      await child.logged("waiting up to 1 s");
      const report = await child.report;
      expect(report).toMatchObject({ ok: false, code: DB_ERROR_CODES.DIRECTORY_LOCKED });
      expect(report.message).toContain(`pid ${process.pid}`);
      expect(report.message).toMatch(/Waited 1\.\d s for it/);
      // The holder kept the directory throughout.
      expect(readLockFile()).toMatchObject({ pid: process.pid });
      await expect(db.client.account.count()).resolves.toBeGreaterThanOrEqual(0);
    } finally {
      await db.close();
    }
  });

  it("an opener waiting while the directory changes hands says so once, not per holder, then says when it has it", async () => {
    // Commands queued behind one another: each holder in turn is a live process (this one) with a
    // lock of its own; the opener waits throughout and then opens the directory itself.
    const holderLock = (n: number) => {
      const tmp = `${lockPath()}.test.tmp`;
      writeFileSync(
        tmp,
        JSON.stringify({ pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), command: `command ${n}`, token: `q-${n}` }),
      );
      renameSync(tmp, lockPath()); // atomic: the opener never reads half a lock
    };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    holderLock(1);
    const said: string[] = [];
    const opening = openDatabase({ config: { dir, lockWaitSeconds: 60 }, onLockWait: (message) => said.push(message) });
    try {
      while (said.length === 0) await sleep(20);
      for (let n = 2; n <= 4; n++) {
        await sleep(300); // several retries (every 100 ms) per holder
        holderLock(n);
      }
      await sleep(300);
    } finally {
      rmSync(lockPath(), { force: true });
    }
    const db = await opening;
    await db.close();
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/is in use by pid \d+ on .* \(command 1\); waiting up to \d+ s for it to finish/);
    expect(said[1]).toMatch(/^Database directory .* is free after waiting \d+\.\d s; going on\.$/);
  });

  it("with share: another process works through the socket (pglite-remote) while this one runs", async () => {
    const db = await openDatabase({ config: { dir }, share: true });
    try {
      const socket = readLockFile().socket as string;
      expect(socket).toMatch(/\.s\.PGSQL\.5432$/);
      expect(existsSync(socket)).toBe(true);
      const email = uniqueEmail();
      await expect(runChild([dir, "write", email])).resolves.toMatchObject({ ok: true, kind: "pglite-remote" });
      await expect(getAccountByEmail(db.client, { email })).resolves.toMatchObject({ email });
    } finally {
      await db.close();
    }
    expect(existsSync(lockPath())).toBe(false);
  });

  it("an opener arriving while a sharing server still starts waits for its socket instead of being refused", async () => {
    // A server that will share holds the lock (willShare) while it migrates; the socket comes later.
    // This process plays that server: the lock names it, then advertises a live socket (served by
    // a shared database on another directory) once the child is already waiting.
    const other = await mkdtemp(path.join(os.tmpdir(), "bezgelor-open-other-"));
    const starting = {
      pid: process.pid,
      hostname: os.hostname(),
      startedAt: new Date().toISOString(),
      command: "starting server",
      token: "t-1",
      willShare: true,
    };
    writeFileSync(lockPath(), JSON.stringify(starting));
    const child = startChild([dir, "probe"]);
    const served = await openDatabase({ config: { dir: other }, share: true });
    try {
      await child.logged("waiting for it to share");
      const socket = (JSON.parse(readFileSync(path.join(other, "bezgelor.lock"), "utf8")) as { socket: string }).socket;
      writeFileSync(lockPath(), JSON.stringify({ ...starting, socket }));
      await expect(child.report).resolves.toMatchObject({ ok: true, kind: "pglite-remote" });
    } finally {
      rmSync(lockPath(), { force: true });
      await served.close();
      await rm(other, { recursive: true, force: true });
    }
  });

  it("an owner whose socket does not answer (a stopped server) is waited for, then refused: never a hang", async () => {
    // The lock names this (live) process and a socket that accepts connections but never answers,
    // as a server stopped with SIGSTOP does.
    const accepted = new Set<net.Socket>();
    const silent = net.createServer((connection) => void accepted.add(connection));
    const socket = path.join(await mkdtemp(path.join(os.tmpdir(), "bezgelor-silent-")), ".s.PGSQL.5432");
    await new Promise<void>((resolve) => silent.listen(socket, resolve));
    writeFileSync(
      lockPath(),
      JSON.stringify({ pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), command: "stopped server", token: "t-silent", socket }),
    );
    try {
      const child = startChild([dir, "probe"], { OPEN_CHILD_LOCK_WAIT: "2" });
      const report = await child.report;
      expect(report).toMatchObject({ ok: false, code: DB_ERROR_CODES.DIRECTORY_LOCKED });
      expect(report.message).toContain("did not answer");
      expect(report.message).toContain(
        `It is a world server (bezgelor serve), which runs commands alongside it, but it does not answer: if it is stopped (Ctrl-Z), resume it (kill -CONT ${process.pid})`,
      );
    } finally {
      rmSync(lockPath(), { force: true });
      for (const connection of accepted) connection.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  }, 30_000);

  it("an opener waiting for a starting server that goes away takes the directory itself", async () => {
    const starting = {
      pid: process.pid,
      hostname: os.hostname(),
      startedAt: new Date().toISOString(),
      command: "starting server",
      token: "t-2",
      willShare: true,
    };
    writeFileSync(lockPath(), JSON.stringify(starting));
    const child = startChild([dir, "probe"]);
    await child.logged("waiting for it to share");
    rmSync(lockPath());
    await expect(child.report).resolves.toMatchObject({ ok: true, kind: "pglite" });
    await child.exited;
  });

  it("a lock left by a killed process is taken over with a warning", async () => {
    const holder = startChild([dir, "hold"]);
    const report = await holder.report;
    expect(report).toMatchObject({ ok: true, kind: "pglite" });
    holder.process.kill("SIGKILL");
    await holder.exited;
    expect(readLockFile().pid).toBe(report.pid); // SIGKILL skips every cleanup

    const { logger, warnings } = capturingLogger();
    const db = await openDatabase({ config: { dir }, logger });
    try {
      expect(readLockFile().pid).toBe(process.pid);
      expect(warnings.join("\n")).toContain(`dead pid ${String(report.pid)}`);
      await expect(db.client.account.count()).resolves.toBeGreaterThanOrEqual(0); // data survived
    } finally {
      await db.close();
    }
  });

  it("a process that exits without close() releases its lock", async () => {
    await expect(runChild([dir, "exit"])).resolves.toMatchObject({ ok: true });
    expect(existsSync(lockPath())).toBe(false);
  });

  it("remote work never runs inside the owner's transaction, nor the owner's inside a remote one", async () => {
    const db = await openDatabase({ config: { dir }, share: true });
    const remote = await openDatabase({ config: { dir } }); // same process, but through the socket
    try {
      expect(remote.kind).toBe("pglite-remote");
      const email = uniqueEmail();
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const local = db.client
        .$transaction(async (tx) => {
          await createAccount(tx, { email, password: "password123" });
          await sleep(300);
          throw new Error("roll back");
        })
        .catch((error: Error) => error.message); // settle now: it rejects while we await below
      await sleep(100);
      // Would see the uncommitted row if it ran inside the open local transaction.
      await expect(remote.client.account.count({ where: { email } })).resolves.toBe(0);
      await expect(local).resolves.toBe("roll back");

      const other = uniqueEmail();
      const remoteTx = remote.client
        .$transaction(async (tx) => {
          await createAccount(tx, { email: other, password: "password123" });
          await sleep(300);
          throw new Error("remote roll back");
        })
        .catch((error: Error) => error.message);
      await sleep(100);
      await expect(db.client.account.count({ where: { email: other } })).resolves.toBe(0);
      await expect(remoteTx).resolves.toBe("remote roll back");
    } finally {
      await remote.close();
      await db.close();
    }
  });

  it("rejects a bad config with INVALID_INPUT", async () => {
    await expectDbError(openDatabase({ config: { url: "mysql://localhost/x" } }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(openDatabase({ config: { dir: "" } }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(openDatabase({ config: { dir, sessionKeyLifetimeSeconds: 0 } }), DB_ERROR_CODES.INVALID_INPUT);
  });
});

describe("openDatabase (PostgreSQL)", () => {
  const url = process.env.DATABASE_URL;
  it.skipIf(!url)("opens and migrates a PostgreSQL database given by url [needs DATABASE_URL]", async () => {
    const name = await createPgDatabase(url as string, null);
    try {
      const db = await openDatabase({ config: { url: urlForDatabase(url as string, name) } });
      expect(db.kind).toBe("postgres");
      await expect(db.client.character.count()).resolves.toBe(0);
      await db.close();
    } finally {
      await dropPgDatabase(url as string, name);
    }
  });

  it.skipIf(!url)("answers on the delivery connection while every pool connection is taken [needs DATABASE_URL]", async () => {
    const name = await createPgDatabase(url as string, null);
    try {
      const db = await openDatabase({ config: { url: urlForDatabase(url as string, name), poolSize: 1 } });
      try {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let entered!: () => void;
        const inside = new Promise<void>((resolve) => (entered = resolve));
        // The pool's only connection stays in this transaction until the delivery client has answered.
        const transaction = db.client.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          entered();
          await held;
        });
        await inside;
        const answered = await Promise.race([
          (db.delivery ?? db.client).$queryRaw<{ n: number }[]>`SELECT 2 AS n`.then((rows) => rows[0]?.n),
          new Promise((resolve) => setTimeout(() => resolve("waited for the pool"), 3000)),
        ]);
        release();
        await transaction;
        expect(answered).toBe(2);
      } finally {
        await db.close();
      }
    } finally {
      await dropPgDatabase(url as string, name);
    }
  });

  it.skipIf(!url)(
    "a process killed while applying a migration leaves nothing that blocks the next start [needs DATABASE_URL]",
    async () => {
      const name = await createPgDatabase(url as string, null);
      try {
        const target = urlForDatabase(url as string, name);
        await migrationSurvivesKill(target, { url: target });
      } finally {
        await dropPgDatabase(url as string, name);
      }
    },
    60_000,
  );

  it("reports an unreachable server as CONNECTION_FAILED", async () => {
    await expectDbError(openDatabase({ config: { url: "postgresql://postgres@127.0.0.1:1/none" } }), DB_ERROR_CODES.CONNECTION_FAILED);
  });
});
