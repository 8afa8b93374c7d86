// Race tests for reputation, titles, quests and purchases. Like concurrency.db.test.ts they only
// mean something on PostgreSQL (PGlite runs one query at a time); skipped visibly without DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptQuest,
  addGold,
  buyItem,
  changeReputation,
  completeQuest,
  DB_ERROR_CODES,
  getActiveTitle,
  getGold,
  getItemCount,
  getReputations,
  grantAchievement,
  grantTitle,
  isDbError,
  listAccountTitles,
  revokeTitle,
  runTransaction,
  setActiveTitle,
  setPathLevel,
  type Database,
  type DbErrorCode,
} from "../src/index.js";
import type { Prisma } from "../src/generated/prisma/client";
import { createTestDatabase, makeAccount, makeCharacter } from "../src/testing/index.js";

const onPostgres = Boolean(process.env.DATABASE_URL);
const title = onPostgres
  ? "concurrent reputation, title, quest and purchase changes on PostgreSQL"
  : "concurrent reputation, title, quest and purchase changes [SKIPPED: needs DATABASE_URL; PGlite serialises every query, so a race test proves nothing there]";

if (!onPostgres) console.warn(`[@bezgelor/db] ${title}`);

const bounds = { min: -42000, max: 42000 };
const times = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.allSettled(Array.from({ length: n }, (_, i) => fn(i)));
const fulfilled = <T>(results: PromiseSettledResult<T>[]) => results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
function expectRejections(results: PromiseSettledResult<unknown>[], code: DbErrorCode): void {
  for (const r of results) if (r.status === "rejected") expect(isDbError(r.reason, code), String(r.reason)).toBe(true);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!onPostgres)(title, () => {
  let db: Database;

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
  });
  afterAll(() => db.close());

  it("50 parallel +1 reputation changes to one standing sum exactly, each seeing a distinct before", async () => {
    const { id } = await makeCharacter(db.client);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => changeReputation(db.client, { characterId: id, changes: [{ factionId: 166, delta: 1 }], bounds, source: "race" })),
    );
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([{ factionId: 166, standing: 50 }]);
    const befores = results.map(([r]) => r!.before).sort((a, b) => a - b);
    expect(befores).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(results.every(([r]) => r!.after === r!.before + 1)).toBe(true);
  });

  it("parallel changes clamp exactly at the bound", async () => {
    const { id } = await makeCharacter(db.client);
    await Promise.all(
      Array.from({ length: 40 }, () => changeReputation(db.client, { characterId: id, changes: [{ factionId: 166, delta: 10 }], bounds: { min: -100, max: 300 }, source: "race" })),
    );
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([{ factionId: 166, standing: 300 }]);
  });

  it("multi-faction changes in opposite orders neither deadlock nor lose updates", async () => {
    const { id } = await makeCharacter(db.client);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const changes = i % 2 === 0 ? [{ factionId: 166, delta: 1 }, { factionId: 167, delta: -1 }] : [{ factionId: 167, delta: -1 }, { factionId: 166, delta: 1 }];
        return changeReputation(db.client, { characterId: id, changes, bounds, source: "race" });
      }),
    );
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([
      { factionId: 166, standing: 30 },
      { factionId: 167, standing: -30 },
    ]);
  });

  it("20 parallel grants of one title (e.g. from two characters of one account) make one row and one granted", async () => {
    const { id } = await makeAccount(db.client);
    const results = await Promise.all(Array.from({ length: 20 }, () => grantTitle(db.client, { accountId: id, titleId: 1001, source: "reputation" })));
    expect(results.filter((r) => r.granted)).toHaveLength(1);
    expect(new Set(results.map((r) => r.title.unlockedAt.getTime())).size).toBe(1);
    expect(await db.client.accountTitle.count({ where: { accountId: id } })).toBe(1);
  });

  it("20 parallel renewals of an expired title renew it once", async () => {
    const { id } = await makeAccount(db.client);
    const t0 = new Date("2030-01-01T00:00:00Z");
    await grantTitle(db.client, { accountId: id, titleId: 5001, source: "event", now: t0, expiresAt: new Date(t0.getTime() + 1000) });
    const now = new Date(t0.getTime() + 5000);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => grantTitle(db.client, { accountId: id, titleId: 5001, source: "event", now, expiresAt: new Date(now.getTime() + 60_000) })),
    );
    expect(results.filter((r) => r.granted)).toHaveLength(1);
    await expect(listAccountTitles(db.client, { accountId: id, now })).resolves.toHaveLength(1);
  });

  it("setActiveTitle racing revokeTitle never leaves an unowned title active", async () => {
    for (let round = 0; round < 25; round++) {
      const { id } = await makeAccount(db.client);
      await grantTitle(db.client, { accountId: id, titleId: 1001, source: "gm" });
      const [set, revoke] = await Promise.allSettled([
        setActiveTitle(db.client, { accountId: id, titleId: 1001 }),
        revokeTitle(db.client, { accountId: id, titleId: 1001 }),
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
    await grantTitle(db.client, { accountId: id, titleId: 1001, source: "gm" });
    const held = holdTransaction((tx) => revokeTitle(tx, { accountId: id, titleId: 1001 }));
    await held.done;
    const setting = setActiveTitle(db.client, { accountId: id, titleId: 1001 }).then(
      () => "set",
      (e: unknown) => e,
    );
    await sleep(150); // long enough for setActiveTitle to reach the lock and take a snapshot
    held.commit();
    await expect(held.result).resolves.toEqual({ revoked: true, clearedActive: false });
    expect(isDbError(await setting, DB_ERROR_CODES.TITLE_NOT_OWNED), String(await setting)).toBe(true);
    await expect(db.client.account.findUniqueOrThrow({ where: { id } })).resolves.toMatchObject({ activeTitleId: null });
  });

  it("a revokeTitle that starts while a setActiveTitle is uncommitted clears the active title", async () => {
    const { id } = await makeAccount(db.client);
    await grantTitle(db.client, { accountId: id, titleId: 1001, source: "gm" });
    const held = holdTransaction((tx) => setActiveTitle(tx, { accountId: id, titleId: 1001 }));
    await held.done;
    const revoking = revokeTitle(db.client, { accountId: id, titleId: 1001 });
    await sleep(150);
    held.commit();
    await expect(held.result).resolves.toEqual({ activeTitleId: 1001 });
    await expect(revoking).resolves.toEqual({ revoked: true, clearedActive: true });
    await expect(db.client.account.findUniqueOrThrow({ where: { id } })).resolves.toMatchObject({ activeTitleId: null });
  });

  it("10 parallel completions of one quest: one wins, the rewards are granted once", async () => {
    const { id } = await makeCharacter(db.client);
    await acceptQuest(db.client, { characterId: id, questId: 5001 });
    const results = await times(10, () =>
      completeQuest(db.client, { characterId: id, questId: 5001, rewards: { gold: 500n, reputation: [{ factionId: 166, delta: 250 }] }, bounds }),
    );
    expect(fulfilled(results)).toEqual([{ gold: { balance: 500n }, reputation: [{ factionId: 166, before: 0, after: 250 }] }]);
    expectRejections(results, DB_ERROR_CODES.QUEST_ALREADY_COMPLETED);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(500n);
    await expect(getReputations(db.client, { characterId: id })).resolves.toEqual([{ factionId: 166, standing: 250 }]);
    expect(await db.client.goldLedgerEntry.count({ where: { characterId: id } })).toBe(1);
  });

  it("parallel accepts of one quest and parallel grants of one achievement succeed once", async () => {
    const { id } = await makeCharacter(db.client);
    const accepts = await times(10, () => acceptQuest(db.client, { characterId: id, questId: 42 }));
    expect(fulfilled(accepts)).toHaveLength(1);
    expectRejections(accepts, DB_ERROR_CODES.QUEST_ALREADY_ACCEPTED);
    const grants = await Promise.all(Array.from({ length: 10 }, () => grantAchievement(db.client, { characterId: id, achievementId: 500 })));
    expect(grants.filter((g) => g.granted)).toHaveLength(1);
  });

  it("parallel path level sets each see the level the previous one left", async () => {
    const { id } = await makeCharacter(db.client);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => setPathLevel(db.client, { characterId: id, path: "explorer", level: i + 1 })));
    // serialised: the befores are 0 plus every level but the last one written
    const last = results.find((r) => !results.some((o) => o.before === r.after))!;
    expect(results.map((r) => r.before).sort((a, b) => a - b)).toEqual([0, ...results.map((r) => r.after).filter((l) => l !== last.after)].sort((a, b) => a - b));
  });

  it("40 parallel purchases against a balance for 14: exact balance, inventory and ledger", async () => {
    const { id } = await makeCharacter(db.client);
    await addGold(db.client, { characterId: id, amount: 1000n, reason: "grant" });
    const results = await times(40, () => buyItem(db.client, { characterId: id, itemId: 3001, quantity: 1, unitPrice: 70n, reason: "vendor 8001" }));
    const won = fulfilled(results);
    expect(won).toHaveLength(14); // floor(1000 / 70)
    expectRejections(results, DB_ERROR_CODES.INSUFFICIENT_FUNDS);
    await expect(getGold(db.client, { characterId: id })).resolves.toBe(20n);
    await expect(getItemCount(db.client, { characterId: id, itemId: 3001 })).resolves.toBe(14);
    expect(won.map((w) => w.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    const spends = await db.client.goldLedgerEntry.findMany({ where: { characterId: id, reason: "vendor 8001" } });
    expect(spends).toHaveLength(14);
    expect(spends.reduce((sum, e) => sum + e.delta, 0n)).toBe(-980n);
  });
});
