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
    expect(await vacuumWhereDue(db)).not.toContain("game_events");
    await db.client.$executeRaw`INSERT INTO "game_events" ("kind", "payload", "delivered_at") SELECT 'test', '{}', now() FROM generate_series(1, 2000)`;
    await db.client.$executeRaw`DELETE FROM "game_events" WHERE "kind" = 'test'`;
    await untilDead("game_events", 11_000);
    expect(await vacuumWhereDue(db)).toContain("game_events");
    expect(await deadRows("game_events")).toBe(0);
    expect(await vacuumWhereDue(db)).not.toContain("game_events");
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
    expect(await vacuumWhereDue(db)).toContain("game_events");
    // Enabled: the daemon's, where one runs (a PostgreSQL server with autovacuum on).
    await db.client.$executeRaw`ALTER TABLE "game_events" RESET (autovacuum_enabled)`;
    await deadBurst();
    expect((await vacuumWhereDue(db)).includes("game_events")).toBe(!daemon);
    await vacuumWhereDue(db);
  });
});
