// Races for mail and friends. They only mean something on PostgreSQL (PGlite runs one query at a
// time); skipped visibly without DATABASE_URL.
import { FRIENDSHIP_TYPE } from "@bezgelor/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addFriend,
  areFriends,
  DB_ERROR_CODES,
  getGold,
  getItemCount,
  grantCurrency,
  isDbError,
  returnMail,
  sendMail,
  takeMailAttachment,
  takeMailGold,
  type ActionOptions,
  type Database,
  type DbErrorCode,
} from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { onPostgres, raceSuiteTitle } from "./race-suite.js";

const title = raceSuiteTitle("concurrent mail and friend actions");

/**
 * Prisma gives a transaction 2 s to get a connection from the pool (20 here); fifty callers on two
 * shared cores can wait longer than that before their transaction even begins. Such a call changed
 * nothing (it never started), so it is tried again: the race under test stays fifty-wide.
 */
async function startingAgain<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 20 || !isDbError(error, "INTERNAL") || !error.message.includes("Unable to start a transaction")) throw error;
    }
  }
}

const times = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.allSettled(Array.from({ length: n }, (_, i) => fn(i)));
const fulfilled = <T>(results: PromiseSettledResult<T>[]) => results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
function expectRejections(results: PromiseSettledResult<unknown>[], codes: DbErrorCode[]): void {
  for (const r of results)
    if (r.status === "rejected")
      expect(
        codes.some((c) => isDbError(r.reason, c)),
        String(r.reason),
      ).toBe(true);
}

describe.skipIf(!onPostgres)(title, () => {
  let db: Database;
  let opts: ActionOptions;
  beforeAll(async () => {
    db = await createTestDatabase();
    opts = await testActionOptions();
  });
  afterAll(() => db.close());

  const player = async (gold: bigint, items: Array<[number, number]> = []) => {
    const c = await makeCharacter(db.client);
    if (gold > 0n) await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: gold, reason: "test", source: "admin" });
    for (const [itemId, count] of items) await db.client.characterInventoryItem.create({ data: { characterId: c.id, itemId, count } });
    return c;
  };

  it("the same attachment taken from many connections at once is taken once", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await player(10n, [[30010, 4]]);
      const b = await player(0n);
      const { result } = await sendMail(db.client, { ...opts, characterId: a.id, to: b.name, subject: "race", body: "", items: [{ itemId: 30010, count: 4 }] });
      const takes = await times(8, () => takeMailAttachment(db.client, { ...opts, characterId: b.id, mailId: result.mailId, slot: 0 }));
      expect(fulfilled(takes)).toHaveLength(1);
      expectRejections(takes, [DB_ERROR_CODES.MAIL_NO_ATTACHMENT]);
      expect(await getItemCount(db.client, { characterId: b.id, itemId: 30010 })).toBe(4);
      expect(await db.client.mailAttachment.count({ where: { mailId: result.mailId } })).toBe(0);
    }
  });

  it("taking the gold races returning the mail: the gold exists exactly once", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await player(110n);
      const b = await player(0n);
      const { result } = await sendMail(db.client, { ...opts, characterId: a.id, to: b.name, subject: "race", body: "", gold: 100n });
      const outcomes = await Promise.allSettled([
        takeMailGold(db.client, { ...opts, characterId: b.id, mailId: result.mailId }),
        returnMail(db.client, { ...opts, characterId: b.id, mailId: result.mailId }),
        takeMailGold(db.client, { ...opts, characterId: b.id, mailId: result.mailId }),
      ]);
      expectRejections(outcomes, [DB_ERROR_CODES.MAIL_NO_ATTACHMENT, DB_ERROR_CODES.MAIL_CANNOT_RETURN, DB_ERROR_CODES.MAIL_DOES_NOT_EXIST]);
      const mail = await db.client.mail.findUnique({ where: { id: result.mailId } });
      const total = (await getGold(db.client, { characterId: a.id })) + (await getGold(db.client, { characterId: b.id })) + (mail?.gold ?? 0n);
      expect(total).toBe(100n);
    }
  });

  it("fifty concurrent sends from one balance never overdraw", async () => {
    const a = await player(1000n);
    const b = await player(0n);
    // Each send costs 90 gold sent + 10 postage: exactly ten can be paid.
    const sends = await times(50, (i) =>
      startingAgain(() =>
        sendMail(db.client, { ...opts, characterId: a.id, to: b.name, subject: `send ${i}`, body: "", gold: 90n, options: { postage: 10n } }),
      ),
    );
    expect(fulfilled(sends)).toHaveLength(10);
    expectRejections(sends, [DB_ERROR_CODES.INSUFFICIENT_FUNDS]);
    expect(await getGold(db.client, { characterId: a.id })).toBe(0n);
    const mail = await db.client.mail.aggregate({ where: { recipientCharacterId: b.id }, _sum: { gold: true }, _count: true });
    expect([mail._count, mail._sum.gold]).toEqual([10, 900n]);
    const ledger = await db.client.currencyLedgerEntry.findMany({ where: { characterId: a.id }, orderBy: { id: "asc" } });
    expect(ledger.at(-1)!.balanceAfter).toBe(0n);
    for (const [i, row] of ledger.entries()) if (i > 0) expect(row.balanceBefore).toBe(ledger[i - 1]!.balanceAfter);
  });

  it("two invites crossing each other make one friendship", async () => {
    for (let round = 0; round < 10; round++) {
      const a = await makeCharacter(db.client);
      const b = await makeCharacter(db.client);
      const [ab, ba] = await Promise.all([
        addFriend(db.client, { ...opts, characterId: a.id, name: b.name, type: FRIENDSHIP_TYPE.Friend }),
        addFriend(db.client, { ...opts, characterId: b.id, name: a.name, type: FRIENDSHIP_TYPE.Friend }),
      ]);
      expect([ab.result.outcome, ba.result.outcome].sort()).toEqual(["friends", "invited"]);
      expect(await areFriends(db.client, { characterId: a.id, otherCharacterId: b.id })).toBe(true);
      expect(await db.client.characterFriendship.count({ where: { characterId: { in: [a.id, b.id] } } })).toBe(2);
      expect(await db.client.friendInvite.count({ where: { inviterCharacterId: { in: [a.id, b.id] } } })).toBe(0);
    }
  });
});
