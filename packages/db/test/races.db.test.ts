// Race tests for reputation, titles, quests and purchases. Like concurrency.db.test.ts they only
// mean something on PostgreSQL (PGlite runs one query at a time); skipped visibly without DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptQuest,
  awardReputation,
  buyFromVendor,
  completeQuest,
  DB_ERROR_CODES,
  getActiveTitle,
  getGold,
  getItemCount,
  getReputations,
  grantAchievement,
  grantCurrency,
  grantTitle,
  isDbError,
  listAccountTitles,
  revokeTitle,
  runTransaction,
  setActiveTitle,
  setPathLevel,
  type ActionOptions,
  type Database,
  type DbErrorCode,
} from "../src/index.js";
import type { Prisma } from "../src/generated/prisma/client";
import { createTestDatabase, makeAccount, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { onPostgres, raceSuiteTitle } from "./race-suite.js";

const title = raceSuiteTitle("concurrent reputation, title, quest and purchase changes");

const times = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.allSettled(Array.from({ length: n }, (_, i) => fn(i)));
const fulfilled = <T>(results: PromiseSettledResult<T>[]) => results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
function expectRejections(results: PromiseSettledResult<unknown>[], code: DbErrorCode): void {
  for (const r of results) if (r.status === "rejected") expect(isDbError(r.reason, code), String(r.reason)).toBe(true);
}

describe.skipIf(!onPostgres)(title, () => {
  let db: Database;
  let opts: ActionOptions;

  /**
   * Resolves once some session of this database waits for a lock (the real condition the
   * deterministic interleavings need: the second transaction has reached the first one's lock).
   */
  async function lockWaitSeen(): Promise<void> {
    for (;;) {
      const [row] = await db.client.$queryRaw<Array<{ waiting: bigint }>>`SELECT count(*) AS "waiting" FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (Number(row?.waiting ?? 0) > 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Runs `work` in a transaction and keeps it open (locks held) until `commit()` is called. */
  function holdTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>) {
    let commit!: () => void;
    let markDone!: () => void;
    const gate = new Promise<void>((resolve) => (commit = resolve));
    const done = new Promise<void>((resolve) => (markDone = resolve));
    const result = runTransaction(db.client, async (tx) => {
      const value = await work(tx);
      markDone();
      await gate;
      return value;
    });
    result.catch(() => markDone());
    return { done, commit, result };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    opts = await testActionOptions();
  });
  afterAll(() => db.close());

  it("50 parallel +1 reputation changes to one standing sum exactly, each seeing a distinct before", async () => {
    const { id } = await makeCharacter(db.client);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => awardReputation(db.client, { ...opts, characterId: id, changes: [{ factionId: 166, delta: 1 }], source: "race" })),
    );
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([{ factionId: 166, standing: 50 }]);
    const changes = results.map((r) => r.result.changes[0]!);
    expect(changes.map((c) => c.before).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(changes.every((c) => c.after === c.before + 1)).toBe(true);
  });

  it("parallel changes clamp exactly at the bound and grant the level's title once", async () => {
    const { id } = await makeCharacter(db.client);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => awardReputation(db.client, { ...opts, characterId: id, changes: [{ factionId: 166, delta: 1100 }], source: "race" })),
    );
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([{ factionId: 166, standing: 42999 }]);
    expect(results.flatMap((r) => r.result.titles).sort()).toEqual([1001, 1003]);
  });

  it("multi-faction changes in opposite orders neither deadlock nor lose updates", async () => {
    const { id } = await makeCharacter(db.client);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const changes =
          i % 2 === 0
            ? [
                { factionId: 166, delta: 1 },
                { factionId: 167, delta: -1 },
              ]
            : [
                { factionId: 167, delta: -1 },
                { factionId: 166, delta: 1 },
              ];
        return awardReputation(db.client, { ...opts, characterId: id, changes, source: "race" });
      }),
    );
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([
      { factionId: 166, standing: 30 },
      { factionId: 167, standing: -30 },
    ]);
  });

  it("20 parallel grants of one title (e.g. from two characters of one account) make one row and one granted", async () => {
    const { id } = await makeAccount(db.client);
    const results = await Promise.all(Array.from({ length: 20 }, () => grantTitle(db.client, { ...opts, accountId: id, titleId: 1001, source: "reputation" })));
    expect(results.filter((r) => r.result.granted)).toHaveLength(1);
    expect(new Set(results.map((r) => r.result.title.unlockedAt.getTime())).size).toBe(1);
    expect(await db.client.accountTitle.count({ where: { accountId: id } })).toBe(1);
    expect(await db.client.gameEvent.count({ where: { accountId: id, kind: "title.granted" } })).toBe(1);
  });

  it("20 parallel renewals of an expired title renew it once", async () => {
    const { id } = await makeAccount(db.client);
    const t0 = new Date("2030-01-01T00:00:00Z");
    await grantTitle(db.client, { ...opts, accountId: id, titleId: 6001, source: "event", now: t0 });
    const now = new Date(t0.getTime() + 31 * 86_400_000); // past its 30 days
    const results = await Promise.all(Array.from({ length: 20 }, () => grantTitle(db.client, { ...opts, accountId: id, titleId: 6001, source: "event", now })));
    expect(results.filter((r) => r.result.granted)).toHaveLength(1);
    await expect(listAccountTitles(db.client, { accountId: id, now })).resolves.toHaveLength(1);
  });

  it("setActiveTitle racing revokeTitle never leaves an unowned title active", async () => {
    for (let round = 0; round < 25; round++) {
      const { id } = await makeAccount(db.client);
      await grantTitle(db.client, { ...opts, accountId: id, titleId: 1001, source: "gm" });
      const [set, revoke] = await Promise.allSettled([
        setActiveTitle(db.client, { ...opts, accountId: id, titleId: 1001 }),
        revokeTitle(db.client, { ...opts, accountId: id, titleId: 1001 }),
      ]);
      expect(revoke.status).toBe("fulfilled");
      if (set.status === "rejected") expect(isDbError(set.reason, DB_ERROR_CODES.TITLE_NOT_OWNED), String(set.reason)).toBe(true);
      // whichever ran first, the title is gone and so is the active title
      await expect(db.client.account.findUniqueOrThrow({ where: { id } })).resolves.toMatchObject({ activeTitleId: null });
      await expect(getActiveTitle(db.client, { accountId: id })).resolves.toBeNull();
    }
  });

  // Deterministic versions of the race above: one side holds its transaction open (lock taken,
  // work done, not committed) while the other starts and must wait for it.
  it("a setActiveTitle that starts while a revoke is uncommitted sees the revoke: TITLE_NOT_OWNED", async () => {
    const { id } = await makeAccount(db.client);
    await grantTitle(db.client, { ...opts, accountId: id, titleId: 1001, source: "gm" });
    const held = holdTransaction((tx) => revokeTitle(tx, { ...opts, accountId: id, titleId: 1001 }));
    await held.done;
    const setting = setActiveTitle(db.client, { ...opts, accountId: id, titleId: 1001 }).then(
      () => "set",
      (e: unknown) => e,
    );
    await lockWaitSeen(); // setActiveTitle waits for the account row lock the revoke holds
    held.commit();
    await expect(held.result).resolves.toMatchObject({ result: { revoked: true, clearedActive: false } });
    expect(isDbError(await setting, DB_ERROR_CODES.TITLE_NOT_OWNED), String(await setting)).toBe(true);
    await expect(db.client.account.findUniqueOrThrow({ where: { id } })).resolves.toMatchObject({ activeTitleId: null });
  });

  it("title sets sent together (one batch) that wait for a revoke's lock see the revoke: only its account is refused", async () => {
    const [revoked, other] = [await makeAccount(db.client), await makeAccount(db.client)];
    for (const { id } of [revoked, other]) await grantTitle(db.client, { ...opts, accountId: id, titleId: 1001, source: "gm" });
    const held = holdTransaction((tx) => revokeTitle(tx, { ...opts, accountId: revoked.id, titleId: 1001 }));
    await held.done;
    // Made in the same turn, so they go as one statement (set_active_titles), which locks both accounts first.
    const setting = Promise.allSettled([
      setActiveTitle(db.client, { ...opts, accountId: other.id, titleId: 1001 }),
      setActiveTitle(db.client, { ...opts, accountId: revoked.id, titleId: 1001 }),
    ]);
    await lockWaitSeen();
    held.commit();
    await expect(held.result).resolves.toMatchObject({ result: { revoked: true } });
    const [set, refused] = await setting;
    expect(set).toMatchObject({ status: "fulfilled", value: { result: { activeTitleId: 1001 } } });
    expect(refused?.status === "rejected" && isDbError(refused.reason, DB_ERROR_CODES.TITLE_NOT_OWNED)).toBe(true);
    await expect(db.client.account.findUniqueOrThrow({ where: { id: revoked.id } })).resolves.toMatchObject({ activeTitleId: null });
    await expect(db.client.account.findUniqueOrThrow({ where: { id: other.id } })).resolves.toMatchObject({ activeTitleId: 1001 });
  });

  it("a revokeTitle that starts while a setActiveTitle is uncommitted clears the active title", async () => {
    const { id } = await makeAccount(db.client);
    await grantTitle(db.client, { ...opts, accountId: id, titleId: 1001, source: "gm" });
    const held = holdTransaction((tx) => setActiveTitle(tx, { ...opts, accountId: id, titleId: 1001 }));
    await held.done;
    const revoking = revokeTitle(db.client, { ...opts, accountId: id, titleId: 1001 });
    await lockWaitSeen(); // revokeTitle waits for the account row lock the set holds
    held.commit();
    await expect(held.result).resolves.toMatchObject({ result: { activeTitleId: 1001 } });
    await expect(revoking).resolves.toMatchObject({ result: { revoked: true, clearedActive: true } });
    await expect(db.client.account.findUniqueOrThrow({ where: { id } })).resolves.toMatchObject({ activeTitleId: null });
  });

  it("10 parallel completions of one quest: one wins, the rewards are granted once", async () => {
    const { id } = await makeCharacter(db.client);
    await acceptQuest(db.client, { ...opts, characterId: id, questId: 5001 });
    const results = await times(10, () => completeQuest(db.client, { ...opts, characterId: id, questId: 5001 }));
    expect(fulfilled(results).map((r) => r.result)).toMatchObject([{ gold: { balance: 500n }, reputation: [{ factionId: 166, before: 0, after: 250 }] }]);
    expectRejections(results, DB_ERROR_CODES.QUEST_ALREADY_COMPLETED);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(500n);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([{ factionId: 166, standing: 250 }]);
    expect(await db.client.currencyLedgerEntry.count({ where: { characterId: id } })).toBe(1);
    expect(await db.client.gameEvent.count({ where: { characterId: id, kind: "quest.state-changed" } })).toBe(2);
  });

  it("parallel accepts of one quest and parallel grants of one achievement succeed once", async () => {
    const { id } = await makeCharacter(db.client);
    const accepts = await times(10, () => acceptQuest(db.client, { ...opts, characterId: id, questId: 5002 }));
    expect(fulfilled(accepts)).toHaveLength(1);
    expectRejections(accepts, DB_ERROR_CODES.QUEST_ALREADY_ACCEPTED);
    const grants = await Promise.all(Array.from({ length: 10 }, () => grantAchievement(db.client, { ...opts, characterId: id, achievementId: 501 })));
    expect(grants.filter((g) => g.result.granted)).toHaveLength(1);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([{ factionId: 167, standing: 100 }]);
  });

  it("parallel path level sets each see the level the previous one left", async () => {
    const { id } = await makeCharacter(db.client);
    const results = (
      await Promise.all(Array.from({ length: 20 }, (_, i) => setPathLevel(db.client, { ...opts, characterId: id, path: "explorer", level: i + 1 })))
    ).map((r) => r.result);
    // serialised: the befores are 0 plus every level but the last one written
    const last = results.find((r) => !results.some((o) => o.before === r.after))!;
    expect(results.map((r) => r.before).sort((a, b) => a - b)).toEqual(
      [0, ...results.map((r) => r.after).filter((l) => l !== last.after)].sort((a, b) => a - b),
    );
  });

  it("40 parallel purchases against a balance for 14: exact balance, inventory and ledger", async () => {
    const { id } = await makeCharacter(db.client);
    await grantCurrency(db.client, { ...opts, currency: "gold", characterId: id, amount: 720n, reason: "grant", source: "admin" });
    // vendor 8003 sells item 30010 at 50 to anyone: 720 gold buys 14 of 40 tries
    const results = await times(40, () => buyFromVendor(db.client, { ...opts, characterId: id, vendorId: 8003, itemId: 30010, quantity: 1 }));
    const won = fulfilled(results).map((r) => r.result);
    expect(won).toHaveLength(14); // floor(720 / 50)
    expectRejections(results, DB_ERROR_CODES.INSUFFICIENT_FUNDS);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(20n);
    await expect(getItemCount(db.client, { characterId: id, itemId: 30010 })).resolves.toBe(14);
    expect(won.map((w) => w.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    const spends = await db.client.currencyLedgerEntry.findMany({ where: { characterId: id, source: "vendor" } });
    expect(spends).toHaveLength(14);
    expect(spends.reduce((sum, e) => sum + e.delta, 0n)).toBe(-700n);
    expect(await db.client.gameEvent.count({ where: { characterId: id, kind: "inventory.changed" } })).toBe(14);
  });
});
