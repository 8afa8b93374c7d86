// auditLedger: every balance is explained by its ledger. Each test gets its own database, because
// the audit looks at everything and the tests tamper with rows.
import { afterEach, describe, expect, it } from "vitest";
import { auditLedger, deductCurrency, grantCurrency, isDbError, DB_ERROR_CODES, type ActionOptions, type Database } from "../src/index.js";
import { createTestDatabase, makeAccount, makeCharacter, testActionOptions } from "../src/testing/index.js";
import type { Character } from "../src/index.js";

const open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

async function fresh(): Promise<{ db: Database; opts: ActionOptions }> {
  const db = await createTestDatabase();
  open.push(db);
  return { db, opts: await testActionOptions() };
}

/** Many changes over several owners and all three currencies; refusals (not enough) included. */
async function busy(db: Database, opts: ActionOptions): Promise<{ characters: Character[]; changes: number }> {
  const accounts = await Promise.all([1, 2, 3].map(() => makeAccount(db.client)));
  const characters: Character[] = [];
  for (const a of accounts) for (let i = 0; i < 2; i++) characters.push(await makeCharacter(db.client, { accountId: a.id }));
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  let changes = 0;
  const run = async (i: number) => {
    const currency = (["gold", "premium", "bonus"] as const)[next(3)]!;
    const owner = currency === "gold" ? { characterId: characters[next(characters.length)]!.id } : { accountId: accounts[next(accounts.length)]!.id };
    const action = next(3) === 0 ? deductCurrency : grantCurrency;
    try {
      await action(db.client, { ...opts, currency, ...owner, amount: BigInt(1 + next(500)), reason: `busy ${i}`, source: "gm" });
      changes++;
    } catch (error) {
      if (!isDbError(error, DB_ERROR_CODES.INSUFFICIENT_FUNDS)) throw error;
    }
  };
  // In waves of ten at once: on PostgreSQL they really run concurrently.
  for (let wave = 0; wave < 10; wave++) await Promise.all(Array.from({ length: 10 }, (_, i) => run(wave * 10 + i)));
  return { characters, changes };
}

describe("auditLedger", () => {
  it("passes on a busy database", async () => {
    const { db, opts } = await fresh();
    const { changes } = await busy(db, opts);
    const report = await auditLedger(db.client);
    expect(report).toMatchObject({ ok: true, failureCount: 0, failures: [], entriesChecked: changes });
    expect(changes).toBeGreaterThan(40);
    // 6 characters' gold, up to 3 accounts x 2 account currencies.
    expect(report.balancesChecked).toBeGreaterThanOrEqual(8);
    expect(report.ownersChecked).toBeGreaterThanOrEqual(8);
  });

  it("fails, naming the character, after gold is changed behind the ledger's back", async () => {
    const { db, opts } = await fresh();
    const { characters } = await busy(db, opts);
    const victim = characters[2]!;
    await grantCurrency(db.client, { ...opts, currency: "gold", characterId: victim.id, amount: 10n, reason: "x", source: "gm" });
    await db.client.$executeRaw`UPDATE "characters" SET "gold" = "gold" + 1000 WHERE "id" = ${victim.id}`;
    const report = await auditLedger(db.client);
    expect(report.ok).toBe(false);
    const owner = { currency: "gold", characterId: victim.id, characterName: victim.name, accountId: victim.accountId };
    expect(report.failures).toEqual([
      expect.objectContaining({ ...owner, kind: "closing-balance" }),
      expect.objectContaining({ ...owner, kind: "balance-mismatch", ledgerEntryId: null }),
    ]);
    for (const failure of report.failures) {
      expect(failure.actual - failure.expected).toBe(1000n);
      expect(failure.message).toContain(victim.name);
    }
  });

  it("fails for a balance that has no ledger entry at all", async () => {
    const { db, opts } = await fresh();
    await busy(db, opts);
    const a = await makeAccount(db.client);
    const c = await makeCharacter(db.client, { accountId: a.id });
    await db.client.$executeRaw`INSERT INTO "account_currencies" ("account_id", "currency", "balance") VALUES (${a.id}, 'premium', 50)`;
    await db.client.$executeRaw`UPDATE "characters" SET "gold" = 7 WHERE "id" = ${c.id}`;
    const report = await auditLedger(db.client);
    expect(report.failures.map((f) => [f.kind, f.currency, f.accountId, f.characterId, f.actual, f.expected])).toEqual([
      ["balance-mismatch", "gold", a.id, c.id, 7n, 0n],
      ["balance-mismatch", "premium", a.id, null, 50n, 0n],
    ]);
    expect(report.failures[1]!.message).toContain("no ledger entries");
    expect(report.failures[1]!.message).toContain(a.email);
  });

  it("fails, naming the owner and the entry, after a ledger row is tampered with", async () => {
    const { db, opts } = await fresh();
    await busy(db, opts);
    const a = await makeAccount(db.client);
    const changes = [100n, 50n, 25n];
    for (const amount of changes) await grantCurrency(db.client, { ...opts, currency: "bonus", accountId: a.id, amount, reason: "x", source: "promo" });
    const rows = await db.client.currencyLedgerEntry.findMany({ where: { accountId: a.id, currency: "bonus" }, orderBy: { id: "asc" } });
    // Consistent in itself (the CHECK holds), but the next entry no longer starts where it ends.
    await db.client.$executeRaw`UPDATE "currency_ledger" SET "delta" = "delta" + 5, "balance_after" = "balance_after" + 5 WHERE "id" = ${rows[1]!.id}`;
    const report = await auditLedger(db.client);
    expect(report.failures).toEqual([
      expect.objectContaining({
        kind: "chain-broken",
        currency: "bonus",
        accountId: a.id,
        email: a.email,
        ledgerEntryId: rows[2]!.id,
        expected: 155n,
        actual: 150n,
      }),
      expect.objectContaining({ kind: "balance-mismatch", currency: "bonus", accountId: a.id, expected: 180n, actual: 175n }),
    ]);
  });

  it("checks each entry's arithmetic and opening balance too, even with the CHECK gone", async () => {
    const { db, opts } = await fresh();
    const c = await makeCharacter(db.client);
    for (const amount of [10n, 20n]) await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount, reason: "x", source: "quest" });
    const [first, second] = await db.client.currencyLedgerEntry.findMany({ where: { characterId: c.id }, orderBy: { id: "asc" } });
    await db.client.$executeRawUnsafe(`ALTER TABLE "currency_ledger" DROP CONSTRAINT "currency_ledger_chain_check"`);
    await db.client.$executeRaw`UPDATE "currency_ledger" SET "balance_after" = 31 WHERE "id" = ${second!.id}`;
    await db.client.$executeRaw`UPDATE "currency_ledger" SET "balance_before" = 1, "balance_after" = 11 WHERE "id" = ${first!.id}`;
    const report = await auditLedger(db.client);
    expect(report.failures.map((f) => [f.kind, f.ledgerEntryId, f.expected, f.actual])).toEqual([
      ["opening-balance", first!.id, 0n, 1n],
      ["chain-broken", second!.id, 11n, 10n],
      ["closing-balance", second!.id, 31n, 30n],
      ["entry-arithmetic", second!.id, 30n, 31n],
    ]);
  });

  it("accepts a history that begins with a migrated row carrying an older balance", async () => {
    const { db, opts } = await fresh();
    const c = await makeCharacter(db.client);
    // What the migration from gold_ledger writes: before = after - delta, source 'migration'.
    await db.client
      .$executeRaw`INSERT INTO "currency_ledger" ("account_id", "character_id", "currency", "delta", "balance_before", "balance_after", "reason", "source", "actor")
      VALUES (${c.accountId}, ${c.id}, 'gold', 40, 60, 100, 'quest 1', 'migration', 'system:migration')`;
    await db.client.$executeRaw`UPDATE "characters" SET "gold" = 100 WHERE "id" = ${c.id}`;
    await deductCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 30n, reason: "x", source: "vendor" });
    expect(await auditLedger(db.client)).toMatchObject({ ok: true, entriesChecked: 2, balancesChecked: 1, ownersChecked: 1 });
    // The same opening without the migration source is a failure.
    await db.client.$executeRaw`UPDATE "currency_ledger" SET "source" = 'quest' WHERE "source" = 'migration'`;
    const report = await auditLedger(db.client);
    expect(report.failures.map((f) => [f.kind, f.characterId])).toEqual([
      ["opening-balance", c.id],
      ["balance-mismatch", c.id],
    ]);
  });

  it("returns at most maxFailures failures and counts them all", async () => {
    const { db } = await fresh();
    for (let i = 0; i < 3; i++) {
      const c = await makeCharacter(db.client);
      await db.client.$executeRaw`UPDATE "characters" SET "gold" = 5 WHERE "id" = ${c.id}`;
    }
    const report = await auditLedger(db.client, { maxFailures: 2 });
    expect(report).toMatchObject({ ok: false, failureCount: 3 });
    expect(report.failures).toHaveLength(2);
  });
});
