// Race tests. They only mean something on PostgreSQL: PGlite runs one query at a time, so on it
// these would pass even with a broken read-modify-write. Skipped (visibly) without DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addGold, DB_ERROR_CODES, getGold, isDbError, spendGold, type Database } from "../src/index.js";
import { createTestDatabase, makeCharacter } from "../src/testing/index.js";

const onPostgres = Boolean(process.env.DATABASE_URL);
const title = onPostgres
  ? "concurrent gold changes on PostgreSQL"
  : "concurrent gold changes [SKIPPED: needs DATABASE_URL; PGlite serialises every query, so a race test proves nothing there]";

if (!onPostgres) console.warn(`[@bezgelor/db] ${title}`);

describe.skipIf(!onPostgres)(title, () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it("50 parallel spends never overdraw; the final balance and the ledger are exact", async () => {
    const { id } = await makeCharacter(db.client);
    await addGold(db.client, { characterId: id, amount: 1000n, reason: "grant" });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => spendGold(db.client, { characterId: id, amount: 30n, reason: "race" })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(33); // floor(1000 / 30)
    for (const r of lost) expect(isDbError(r.reason, DB_ERROR_CODES.INSUFFICIENT_FUNDS), String(r.reason)).toBe(true);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(10n);
    const spends = await db.client.goldLedgerEntry.findMany({ where: { characterId: id, reason: "race" } });
    expect(spends).toHaveLength(33);
    expect(spends.every((e) => e.balanceAfter >= 0n)).toBe(true);
    // every balance from 970 down to 10 appears exactly once: the spends were serialised
    expect(spends.map((e) => e.balanceAfter).sort((a, b) => (a < b ? -1 : 1))).toEqual(
      Array.from({ length: 33 }, (_, i) => 10n + BigInt(i) * 30n),
    );
  });

  it("50 parallel credits sum exactly", async () => {
    const { id } = await makeCharacter(db.client);
    const amounts = Array.from({ length: 50 }, (_, i) => BigInt(i + 1) * 1_000_000_007n);
    await Promise.all(amounts.map((amount) => addGold(db.client, { characterId: id, amount, reason: "race" })));
    const total = amounts.reduce((a, b) => a + b, 0n);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(total);
    expect(await db.client.goldLedgerEntry.count({ where: { characterId: id } })).toBe(50);
  });

  it("parallel retries with one idempotency key apply once", async () => {
    const { id } = await makeCharacter(db.client);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => addGold(db.client, { characterId: id, amount: 5n, reason: "mail", idempotencyKey: "once" })),
    );
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ledgerEntryId)).size).toBe(1);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(5n);
  });
});
