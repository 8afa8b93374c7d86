// What the embedded database costs its owner in memory: creating a cluster leaves nothing behind
// (it runs in a process of its own), PGlite's buffer pool is sized for a private server, and a
// creation that cannot finish never leaves a half-made cluster.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_ERROR_CODES, openDatabase } from "../src/index.js";
import { runChild } from "./child-process.js";
import { expectDbError } from "./expect-db-error.js";

const MIB = 1024 * 1024;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "bezgelor-memory-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("the embedded database's memory", () => {
  it("an opener that created the cluster holds no more memory than one that found it", async () => {
    const dir = path.join(root, "fresh");
    // Each open in a process of its own, so its RSS is that open's alone.
    const created = await runChild([dir, "memory"]);
    const found = await runChild([dir, "memory"]);
    expect(created).toMatchObject({ ok: true, kind: "pglite" });
    expect(found).toMatchObject({ ok: true, kind: "pglite" });
    // Creating the cluster on the serving thread kept ~400 MB more for the process's whole life.
    expect(Number(created.rss) - Number(found.rss)).toBeLessThan(150 * MIB);
  });

  it("runs PGlite with a 32 MB buffer pool", async () => {
    const db = await openDatabase({ config: { dir: path.join(root, "buffers") } });
    try {
      const [row] = await db.client.$queryRawUnsafe<Array<{ shared_buffers: string }>>("SHOW shared_buffers");
      expect(row?.shared_buffers).toBe("32MB");
    } finally {
      await db.close();
    }
  });

  it("refuses a data directory that holds files but no cluster, and leaves it as it was", async () => {
    const dir = path.join(root, "foreign");
    mkdirSync(path.join(dir, "pgdata"), { recursive: true });
    writeFileSync(path.join(dir, "pgdata", "notes.txt"), "not a database");
    await expectDbError(openDatabase({ config: { dir } }), DB_ERROR_CODES.CONNECTION_FAILED);
    expect(readdirSync(path.join(dir, "pgdata"))).toEqual(["notes.txt"]);
    expect(existsSync(path.join(dir, "pgdata.creating"))).toBe(false);
    expect(existsSync(path.join(dir, "bezgelor.lock"))).toBe(false);
  });

  it("starts over from a creation that was interrupted", async () => {
    const dir = path.join(root, "interrupted");
    mkdirSync(path.join(dir, "pgdata.creating"), { recursive: true });
    writeFileSync(path.join(dir, "pgdata.creating", "PG_VERSION"), "17\n");
    const db = await openDatabase({ config: { dir } });
    try {
      await expect(db.client.account.count()).resolves.toBe(0);
    } finally {
      await db.close();
    }
    expect(existsSync(path.join(dir, "pgdata.creating"))).toBe(false);
  });
});
