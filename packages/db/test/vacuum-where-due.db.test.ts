import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { autovacuumRuns, vacuumWhereDue, type Database } from "../src/index.js";
import { createTestDatabase } from "../src/testing/index.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function deadRows(table: string): Promise<number> {
  const [row] = await db.client.$queryRawUnsafe<{ dead: bigint }[]>(`SELECT "n_dead_tup" AS dead FROM "pg_stat_user_tables" WHERE "relname" = $1`, table);
  return Number(row?.dead ?? 0);
}

/** The statistics a backend keeps are published at most once a second: waits until they show `n` dead rows. */
async function untilDead(table: string, n: number): Promise<void> {
  for (let waited = 0; (await deadRows(table)) < n; waited += 100) {
    if (waited > 15_000) throw new Error(`${table} never showed ${n} dead rows`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("vacuumWhereDue", () => {
  it("vacuums a table once its dead rows pass the threshold, and then nothing until they do again", async () => {
    // On PostgreSQL the daemon must not get there first (this test database is its own); the rows
    // inserted are not counted here (autovacuum_vacuum_insert_threshold -1).
    await db.client.$executeRaw`ALTER TABLE "game_events" SET (autovacuum_enabled = false, autovacuum_vacuum_insert_threshold = -1)`;
    await vacuumWhereDue(db);
    // game_events is due after 10,000 dead rows (its storage parameters): 9,000 are not enough.
    await db.client.$executeRaw`INSERT INTO "game_events" ("kind", "payload", "delivered_at") SELECT 'test', '{}', now() FROM generate_series(1, 9000)`;
    await db.client.$executeRaw`DELETE FROM "game_events" WHERE "kind" = 'test'`;
    await untilDead("game_events", 9000);
    expect((await vacuumWhereDue(db)).vacuumed).not.toContain("game_events");
    await db.client.$executeRaw`INSERT INTO "game_events" ("kind", "payload", "delivered_at") SELECT 'test', '{}', now() FROM generate_series(1, 2000)`;
    await db.client.$executeRaw`DELETE FROM "game_events" WHERE "kind" = 'test'`;
    await untilDead("game_events", 11_000);
    expect((await vacuumWhereDue(db)).vacuumed).toContain("game_events");
    expect(await deadRows("game_events")).toBe(0);
    expect((await vacuumWhereDue(db)).vacuumed).not.toContain("game_events");
  });

  it("vacuums only the tables no autovacuum daemon vacuums", async () => {
    const daemon = await autovacuumRuns(db);
    if (db.kind !== "postgres") expect(daemon).toBe(false);
    const deadBurst = async () => {
      const before = await deadRows("game_events");
      await db.client.$executeRaw`INSERT INTO "game_events" ("kind", "payload", "delivered_at") SELECT 'test', '{}', now() FROM generate_series(1, 11000)`;
      await db.client.$executeRaw`DELETE FROM "game_events" WHERE "kind" = 'test'`;
      await untilDead("game_events", before + 11_000);
    };
    // Autovacuum disabled on the table: no daemon vacuums it, whatever the server runs.
    await db.client.$executeRaw`ALTER TABLE "game_events" SET (autovacuum_enabled = false)`;
    await deadBurst();
    expect((await vacuumWhereDue(db)).vacuumed).toContain("game_events");
    // Enabled: the daemon's, where one runs (a PostgreSQL server with autovacuum on).
    await db.client.$executeRaw`ALTER TABLE "game_events" RESET (autovacuum_enabled)`;
    await deadBurst();
    expect((await vacuumWhereDue(db)).vacuumed.includes("game_events")).toBe(!daemon);
    await vacuumWhereDue(db);
  });

  it("analyzes a table once the rows changed since its last analyze pass the threshold, and vacuums one whose inserted rows pass theirs", async () => {
    await db.client.$executeRaw`ALTER TABLE "game_events" SET (autovacuum_enabled = false, autovacuum_vacuum_insert_threshold = -1)`;
    await vacuumWhereDue(db);
    const stats = async () =>
      (
        await db.client.$queryRaw<{ at: Date | null; changed: bigint; inserted: bigint }[]>`
          SELECT coalesce("last_analyze", "last_autoanalyze") AS "at", "n_mod_since_analyze" AS "changed", "n_ins_since_vacuum" AS "inserted"
          FROM "pg_stat_user_tables" WHERE "relname" = 'game_events'`
      )[0]!;
    const insert = async (n: number) => {
      const before = Number((await stats()).changed);
      await db.client
        .$executeRaw`INSERT INTO "game_events" ("kind", "payload", "delivered_at") SELECT 'analyze-test', '{}', now() FROM generate_series(1, ${n}::int)`;
      for (let waited = 0; Number((await stats()).changed) < before + n; waited += 100) {
        if (waited > 15_000) throw new Error("the inserts never showed in the statistics");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const analyzedBefore = (await stats()).at;
    // Inserted, not deleted: nothing dead, far more changed than 50 + 2 % of the table, and inserts not counted.
    await insert(3000);
    const done = await vacuumWhereDue(db);
    expect(done).toEqual({ vacuumed: [], analyzed: expect.arrayContaining(["game_events"]) });
    expect((await stats()).at).not.toEqual(analyzedBefore);
    expect((await vacuumWhereDue(db)).analyzed).not.toContain("game_events");
    // Inserts counted again (the server's threshold, 1,000 + 20 % of the table by default): vacuumed.
    await db.client.$executeRaw`ALTER TABLE "game_events" SET (autovacuum_vacuum_insert_threshold = 1000, autovacuum_vacuum_insert_scale_factor = 0)`;
    expect(Number((await stats()).inserted)).toBeGreaterThan(1000);
    expect((await vacuumWhereDue(db)).vacuumed).toContain("game_events");
    expect(Number((await stats()).inserted)).toBe(0);
    await db.client.$executeRaw`DELETE FROM "game_events" WHERE "kind" = 'analyze-test'`;
    await db.client
      .$executeRaw`ALTER TABLE "game_events" RESET (autovacuum_enabled, autovacuum_vacuum_insert_threshold, autovacuum_vacuum_insert_scale_factor)`;
  });
});
