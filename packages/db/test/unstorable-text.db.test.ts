// Text PostgreSQL cannot store (a NUL, U+0000) and text nobody should see (controls, bidirectional
// overrides): refused where it enters (promo codes, names looked up, ledger reasons) with a typed
// DbError and nothing changed; what slips past reaches the database, whose refusal (SQLSTATE 22021,
// 22P05) is INVALID_INPUT, never INTERNAL ("outcome unknown"): the statement failed and rolled back.
import { FRIENDSHIP_TYPE } from "@bezgelor/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addFriend,
  createPromoCode,
  DB_ERROR_CODES,
  deductCurrency,
  getBalances,
  getCharacterByName,
  grantCurrency,
  grantExperience,
  redeemPromoCode,
  removeFriend,
  sendMail,
  type ActionOptions,
  type Character,
  type Database,
} from "../src/index.js";
import { z } from "zod";
import { toDbError } from "../src/errors.js";
import { defineAction } from "../src/actions/action.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

/** `name` with `char` after its second letter: "Ca\u0000ra" for "Cara". */
const spoiled = (name: string, char: string) => `${name.slice(0, 2)}${char}${name.slice(2)}`;

/**
 * An action whose text input has no check of its own (as grantExperience's source had): its first
 * statement adds XP, then its event carries the text, so only the database's refusal stops it.
 */
const uncheckedExperience = defineAction({
  name: "test.unchecked-experience",
  input: z.object({ characterId: z.number().int(), source: z.string() }),
  describe: (i) => `Test XP for ${i.characterId}`,
  async run(ctx, i) {
    const row = await ctx.tx.character.update({ where: { id: i.characterId }, data: { xp: { increment: 10 } } });
    ctx.emit({ kind: "experience.gained", accountId: row.accountId, characterId: row.id, amount: 10, total: row.xp, reason: "gm", source: i.source });
    return null;
  },
});

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

  it("an action whose input has no check for it is refused INVALID_INPUT and rolled back whole", async () => {
    const c = await makeCharacter(db.client);
    // The XP is added by the first statement; the event holding the text fails after it.
    const error = await refused(
      () => uncheckedExperience(db.client, { ...opts, characterId: c.id, source: "kill \u0000 12" }),
      DB_ERROR_CODES.INVALID_INPUT,
      c,
    );
    expect(error.details?.sqlState).toMatch(/^(22021|22P05)$/);
  });

  it("half of a surrogate pair in an event's JSON is refused INVALID_INPUT and rolled back whole", async () => {
    const c = await makeCharacter(db.client);
    const error = await refused(
      () => uncheckedExperience(db.client, { ...opts, characterId: c.id, source: "kill \ud800 12" }),
      DB_ERROR_CODES.INVALID_INPUT,
      c,
    );
    expect(error.details?.sqlState).toBe("22P02");
  });

  it.each([
    ["NUL", "kill \u0000 12"],
    ["half of a surrogate pair", "kill \ud800 12"],
    ["an escape sequence", "kill \u001b[31m12"],
    ["a right-to-left override", "kill \u202e21"],
  ])("grantExperience refuses a source holding %s by its own check, before any statement", async (_what, source) => {
    const c = await makeCharacter(db.client);
    const error = await refused(
      () => grantExperience(db.client, { ...opts, characterId: c.id, amount: 10, reason: "kill", source }),
      DB_ERROR_CODES.INVALID_INPUT,
      c,
    );
    expect(error.details?.sqlState).toBeUndefined();
    expect(error.message).toMatch(/source/);
  });
});

describe("ledger reasons", () => {
  it.each([
    ["NUL", "a\u0000b"],
    ["a C0 control and an escape sequence", "a\u0001\u001b[31mred"],
    ["a C1 control", "next\u0085line"],
    ["a right-to-left override", "refund \u202egnp.exe"],
    ["half of a surrogate pair", "r \ud800"],
  ])("grantCurrency and deductCurrency refuse a reason holding %s: INVALID_INPUT, no balance or ledger change", async (_what, reason) => {
    const c = await makeCharacter(db.client);
    await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 100n, reason: "start", source: "admin" });
    for (const change of [grantCurrency, deductCurrency]) {
      const gold = await refused(
        () => change(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 5n, reason, source: "admin" }),
        "INVALID_INPUT",
        c,
      );
      expect(gold.message).toMatch(/reason/);
      await refused(() => change(db.client, { ...opts, currency: "bonus", accountId: c.accountId, amount: 5n, reason, source: "admin" }), "INVALID_INPUT", c);
    }
  });
});

describe("actors", () => {
  it("an operator's name the ledger would record holding an escape or an override is refused INVALID_INPUT, nothing changed", async () => {
    const c = await makeCharacter(db.client);
    for (const name of ["ali\u001b[31mce", "bob \u202eevil", "nul\u0000"]) {
      await refused(
        () =>
          grantCurrency(db.client, {
            ...opts,
            actor: { kind: "admin", name },
            currency: "gold",
            characterId: c.id,
            amount: 5n,
            reason: "gift",
            source: "admin",
          }),
        "INVALID_INPUT",
        c,
      );
    }
  });
});

describe("promo codes", () => {
  it.each([
    ["NUL", "AB\u0000CD"],
    ["an escape", "AB\u001bCD"],
  ])("a code holding %s is refused INVALID_INPUT: no redemption, no failed attempt recorded, nothing granted", async (_what, code) => {
    const c = await makeCharacter(db.client);
    await refused(() => redeemPromoCode(db.client, { ...opts, accountId: c.accountId, characterId: c.id, code }), "INVALID_INPUT", c);
  });

  it("a code holding a bidirectional override is neither created nor redeemed: INVALID_INPUT", async () => {
    const c = await makeCharacter(db.client);
    const code = `AB\u202eC${process.pid}`;
    await expectDbError(
      createPromoCode(db.client, { code, kind: "per_account", rewards: [{ kind: "currency", currency: "bonus", amount: 5n }] }, opts),
      "INVALID_INPUT",
    );
    await refused(() => redeemPromoCode(db.client, { ...opts, accountId: c.accountId, characterId: c.id, code }), "INVALID_INPUT", c);
  });

  it("a real code with a NUL inside is not that code", async () => {
    const c = await makeCharacter(db.client);
    const code = `NUL${process.pid}${Date.now()}`;
    await createPromoCode(db.client, { code, kind: "single_use", rewards: [{ kind: "currency", currency: "bonus", amount: 7n }] }, opts);
    await refused(() => redeemPromoCode(db.client, { ...opts, accountId: c.accountId, characterId: c.id, code: spoiled(code, "\u0000") }), "INVALID_INPUT", c);
    await redeemPromoCode(db.client, { ...opts, accountId: c.accountId, characterId: c.id, code });
    expect((await getBalances(db.client, { accountId: c.accountId })).bonus).toBe(7n);
  });
});

describe("characters looked up by name", () => {
  it.each([
    ["NUL", "\u0000"],
    ["an escape", "\u001b"],
    ["a right-to-left override", "\u202e"],
  ])("a name holding %s names no character: CHARACTER_NOT_FOUND, as an unknown name, nothing changed", async (_what, char) => {
    const [a, b] = [await makeCharacter(db.client), await makeCharacter(db.client)];
    const name = spoiled(b.name, char);
    await refused(() => getCharacterByName(db.client, { name }), "CHARACTER_NOT_FOUND", a, b);
    await refused(() => addFriend(db.client, { ...opts, characterId: a.id, name, type: FRIENDSHIP_TYPE.Friend }), "CHARACTER_NOT_FOUND", a, b);
    await refused(() => addFriend(db.client, { ...opts, characterId: a.id, name, type: FRIENDSHIP_TYPE.Ignore }), "CHARACTER_NOT_FOUND", a, b);
    await refused(() => removeFriend(db.client, { ...opts, characterId: a.id, other: { name }, type: FRIENDSHIP_TYPE.Ignore }), "CHARACTER_NOT_FOUND", a, b);
    const options = { postage: 0n, expiryDays: 30 };
    await refused(() => sendMail(db.client, { ...opts, characterId: a.id, to: name, subject: "Hi", body: "", options }), "CHARACTER_NOT_FOUND", a, b);
  });
});
