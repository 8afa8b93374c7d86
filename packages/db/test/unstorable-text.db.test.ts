// Text PostgreSQL cannot store (a NUL, U+0000): what reaches the database is refused by it
// (SQLSTATE 22021, 22P05), which is INVALID_INPUT, never INTERNAL ("outcome unknown"): the
// statement failed and rolled back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_ERROR_CODES, getBalances, grantExperience, type ActionOptions, type Character, type Database } from "../src/index.js";
import { toDbError } from "../src/errors.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

/** What a refusal must leave as it was for `c`: its row, balances, ledger, events, friends, mail, promo attempts. */
async function stateOf(c: Character) {
  return {
    character: await db.client.character.findUniqueOrThrow({ where: { id: c.id } }),
    balances: await getBalances(db.client, { accountId: c.accountId }),
    ledger: await db.client.currencyLedgerEntry.count({ where: { accountId: c.accountId } }),
    events: await db.client.gameEvent.count({ where: { accountId: c.accountId } }),
    invites: await db.client.friendInvite.count({ where: { OR: [{ inviterCharacterId: c.id }, { inviteeCharacterId: c.id }] } }),
    mails: await db.client.mail.count({ where: { OR: [{ senderCharacterId: c.id }, { recipientCharacterId: c.id }] } }),
    attempts: await db.client.promoAttempt.count({ where: { accountId: c.accountId } }),
    redemptions: await db.client.promoRedemption.count({ where: { accountId: c.accountId } }),
  };
}

/** Expects `action` to be refused with `code` and to change nothing for `cs`. */
async function refused(action: () => Promise<unknown>, code: (typeof DB_ERROR_CODES)[keyof typeof DB_ERROR_CODES], ...cs: Character[]) {
  const before = await Promise.all(cs.map(stateOf));
  const error = await expectDbError(action(), code);
  expect(await Promise.all(cs.map(stateOf))).toEqual(before);
  return error;
}

describe("the database's refusal of text it cannot store", () => {
  it("a model query or a raw statement holding NUL fails as INVALID_INPUT (SQLSTATE 22021), not INTERNAL", async () => {
    const failure = async (run: () => Promise<unknown>) =>
      run().then(
        () => expect.unreachable("the database stored a NUL"),
        (error: unknown) => toDbError(error, "probe"),
      );
    const model = await failure(() => db.client.character.findUnique({ where: { nameKey: "a\u0000b" } }));
    expect(model).toMatchObject({ code: "INVALID_INPUT", details: { sqlState: "22021" } });
    expect(model.message).toMatch(/character the database cannot store/);
    const raw = await failure(() => db.client.$queryRaw`SELECT ${"a\u0000b"}::text AS "t"`);
    expect(raw).toMatchObject({ code: "INVALID_INPUT", details: { sqlState: "22021" } });
  });

  it("an action whose input has no check for it (an XP source) is refused INVALID_INPUT and rolled back whole", async () => {
    const c = await makeCharacter(db.client);
    // The XP is added by the first statement; the event holding the source fails after it.
    const error = await refused(
      () => grantExperience(db.client, { ...opts, characterId: c.id, amount: 10, reason: "kill", source: "kill \u0000 12" }),
      DB_ERROR_CODES.INVALID_INPUT,
      c,
    );
    expect(error.details?.sqlState).toMatch(/^(22021|22P05)$/);
  });
});
