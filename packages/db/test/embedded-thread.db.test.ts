// The embedded database on its own thread: statements leave the event loop free, several
// connections through its socket never interleave inside a transaction, LISTEN/NOTIFY reaches
// every listening connection, close() leaves nothing behind, and a crash of the thread is reported.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_ERROR_CODES, isDatabaseUnavailable, openDatabase, type Database, type DbLogger } from "../src/index.js";
import { embeddedThreadOf, socketPathFor } from "../src/open/open-pglite.js";
import { expectDbError } from "./expect-db-error.js";

let dir: string;
let db: Database;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const socketClient = () => new pg.Client({ host: path.dirname(socketPathFor(dir)), port: 5432, user: "postgres", database: "template1" });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "bezgelor-thread-"));
  db = await openDatabase({ config: { dir } });
  await db.client.$executeRawUnsafe("CREATE TABLE IF NOT EXISTS thread_test (id serial PRIMARY KEY, tag text NOT NULL, n int NOT NULL DEFAULT 0)");
});
afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the embedded database's thread", () => {
  it("keeps the event loop free while a heavy statement runs", async () => {
    // A timer due every 2 ms stands for a packet arriving: how late is it served meanwhile?
    let maxLate = 0;
    let running = true;
    const probe = () => {
      const due = performance.now() + 2;
      setTimeout(() => {
        maxLate = Math.max(maxLate, performance.now() - due);
        if (running) probe();
      }, 2);
    };
    probe();
    const started = performance.now();
    await db.client.$queryRawUnsafe("SELECT count(*)::int AS n FROM generate_series(1, 4000000)");
    const took = performance.now() - started;
    await sleep(10);
    running = false;
    // On the event loop the probe would wait for the whole statement.
    expect(took).toBeGreaterThan(300);
    expect(maxLate).toBeLessThan(took / 2);
  });

  it("never runs one connection's statement inside another connection's transaction", async () => {
    const a = socketClient();
    const b = socketClient();
    await a.connect();
    await b.connect();
    try {
      await a.query("BEGIN");
      await a.query("INSERT INTO thread_test (tag) VALUES ('a-rolled-back')");
      let bDone = false;
      // B's insert must wait for A's transaction; run inside it, it would be rolled back with it.
      const bInsert = b.query("INSERT INTO thread_test (tag) VALUES ('b-committed')").then(() => (bDone = true));
      await sleep(300);
      expect(bDone).toBe(false);
      await a.query("ROLLBACK");
      await bInsert;
      const { rows } = await a.query<{ tag: string }>("SELECT tag FROM thread_test WHERE tag IN ('a-rolled-back', 'b-committed')");
      expect(rows.map((r) => r.tag)).toEqual(["b-committed"]);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it("serializes concurrent read-modify-write transactions of the pool: no update is lost", async () => {
    const [row] = await db.client.$queryRawUnsafe<Array<{ id: number }>>("INSERT INTO thread_test (tag) VALUES ('counter') RETURNING id");
    const id = row!.id;
    await Promise.all(
      Array.from({ length: 24 }, () =>
        db.client.$transaction(async (tx) => {
          const [current] = await tx.$queryRawUnsafe<Array<{ n: number }>>("SELECT n FROM thread_test WHERE id = $1", id);
          await sleep(1);
          await tx.$executeRawUnsafe("UPDATE thread_test SET n = $1 WHERE id = $2", current!.n + 1, id);
        }),
      ),
    );
    const [final] = await db.client.$queryRawUnsafe<Array<{ n: number }>>("SELECT n FROM thread_test WHERE id = $1", id);
    expect(final!.n).toBe(24);
  });

  it("delivers NOTIFY from any connection to every listener, only on commit", async () => {
    const payloads: string[] = [];
    const unlisten = await db.listen("thread_test_channel", (payload) => payloads.push(payload));
    const other = socketClient();
    await other.connect();
    // A connection that never ran LISTEN is not sent the others' notifications.
    const strays: string[] = [];
    other.on("notification", (message) => strays.push(message.payload ?? ""));
    try {
      await db.client.$executeRawUnsafe("SELECT pg_notify('thread_test_channel', 'from-pool')");
      await other.query("SELECT pg_notify('thread_test_channel', 'from-other')");
      await other.query("BEGIN");
      await other.query("SELECT pg_notify('thread_test_channel', 'rolled-back')");
      await other.query("ROLLBACK");
      await other.query("SELECT pg_notify('thread_test_channel', 'last')");
      for (let i = 0; i < 100 && !payloads.includes("last"); i++) await sleep(20);
      expect(payloads).toEqual(["from-pool", "from-other", "last"]);
      // Its own commits' notifications still come in its own replies (PGlite is one backend); the pool's do not reach it.
      expect(strays.filter((p) => p === "from-pool")).toEqual([]);
    } finally {
      await other.end();
      await unlisten();
    }
  });
});

describe("closing and crashing", () => {
  let own: string;
  beforeAll(async () => {
    own = await mkdtemp(path.join(os.tmpdir(), "bezgelor-thread-own-"));
  });
  afterAll(() => rm(own, { recursive: true, force: true }));

  it("close() stops the thread, removes the socket and releases the lock", async () => {
    const opened = await openDatabase({ config: { dir: own } });
    await opened.client.account.count();
    expect(existsSync(socketPathFor(own))).toBe(true);
    await opened.close();
    expect(existsSync(socketPathFor(own))).toBe(false);
    expect(existsSync(path.join(own, "bezgelor.lock"))).toBe(false);
    expect(embeddedThreadOf(opened)?.failure).toBeUndefined();
  });

  it("PGlite failing to open the directory is CONNECTION_FAILED, with the lock released", async () => {
    const broken = await mkdtemp(path.join(os.tmpdir(), "bezgelor-thread-broken-"));
    try {
      await writeFile(path.join(broken, "pgdata"), "not a directory");
      await expectDbError(openDatabase({ config: { dir: broken } }), DB_ERROR_CODES.CONNECTION_FAILED);
      expect(existsSync(path.join(broken, "bezgelor.lock"))).toBe(false);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it("a thread that dies is logged as an error and every request then fails as unavailable", async () => {
    const errors: string[] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (_obj: unknown, msg?: string) => void errors.push(msg ?? ""),
    } as unknown as DbLogger;
    const opened = await openDatabase({ config: { dir: own }, logger });
    await opened.client.account.count();
    await embeddedThreadOf(opened)?.terminate();
    const failure = await opened.client.account.count().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeDefined();
    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect(errors.join("\n")).toMatch(/the embedded database stopped/);
    expect(embeddedThreadOf(opened)?.failure).toBeInstanceOf(Error);
    await opened.close();
    expect(existsSync(path.join(own, "bezgelor.lock"))).toBe(false);
    // The directory survives the crash: the next open recovers it.
    const again = await openDatabase({ config: { dir: own } });
    await expect(again.client.account.count()).resolves.toBe(0);
    await again.close();
  });
});
