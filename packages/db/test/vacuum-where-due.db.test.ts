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
    // On PostgreSQL the daemon must not get there first (this test database is its own).
    await db.client.$executeRaw`ALTER TABLE "game_events" SET (autovacuum_enabled = false)`;
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

  it("analyzes a table once the rows changed since its last analyze pass the threshold, without a vacuum", async () => {
    await db.client.$executeRaw`ALTER TABLE "game_events" SET (autovacuum_enabled = false)`;
    await vacuumWhereDue(db);
    const analyzedAt = async () =>
      (
        await db.client.$queryRaw<
          { at: Date | null }[]
        >`SELECT coalesce("last_analyze", "last_autoanalyze") AS "at" FROM "pg_stat_user_tables" WHERE "relname" = 'game_events'`
      )[0]!.at;
    const before = await analyzedAt();
    // Inserted, not deleted: nothing dead, but far more changed than 50 + 2 % of the table.
    await db.client.$executeRaw`INSERT INTO "game_events" ("kind", "payload", "delivered_at") SELECT 'analyze-test', '{}', now() FROM generate_series(1, 3000)`;
    for (let waited = 0; ; waited += 100) {
      const [row] = await db.client.$queryRaw<{ n: bigint }[]>`SELECT "n_mod_since_analyze" AS "n" FROM "pg_stat_user_tables" WHERE "relname" = 'game_events'`;
      if (Number(row!.n) >= 3000) break;
      if (waited > 15_000) throw new Error("the inserts never showed in the statistics");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const done = await vacuumWhereDue(db);
    expect(done.analyzed).toContain("game_events");
    expect(done.vacuumed).not.toContain("game_events");
    expect(await analyzedAt()).not.toEqual(before);
    expect((await vacuumWhereDue(db)).analyzed).not.toContain("game_events");
    await db.client.$executeRaw`DELETE FROM "game_events" WHERE "kind" = 'analyze-test'`;
    await db.client.$executeRaw`ALTER TABLE "game_events" RESET (autovacuum_enabled)`;
  });
});
