// Mail: every action and refusal, the events, grant attachments, and the invariant the issue asks
// for: gold and item counts summed over characters and mail never change except by what is
// declared (postage leaves the economy with its ledger entry; system mail brings new value in).
import { FRIENDSHIP_TYPE, MAIL_FLAG, MAIL_GENERIC_ERROR, MAIL_SENDER_TYPE } from "@bezgelor/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addFriend,
  changeBalance,
  DB_ERROR_CODES,
  deleteMail,
  expireMail,
  getGold,
  getItemCount,
  grantCurrency,
  grantTitle,
  listAccountTitles,
  listMail,
  MAIL_ERROR_BY_ERROR,
  mailErrorFor,
  openMail,
  payMailCod,
  respondToFriendInvite,
  returnMail,
  sendMail,
  sendSystemMail,
  takeMailAttachment,
  takeMailGold,
  type ActionOptions,
  type Character,
  type Database,
  type DbErrorCode,
  type MailGrantHandlers,
} from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
let opts: ActionOptions;
const NOW = new Date("2026-11-30T12:00:00Z");
const DAY = 86_400_000;
const SWORD = 30001;
const POTION = 30010;

beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions({ now: NOW });
});
afterAll(() => db.close());

/** Gold and each item's count summed over every character and every mail. */
async function totals() {
  const [purses, escrow, held, attached] = await Promise.all([
    db.client.character.aggregate({ _sum: { gold: true } }),
    db.client.mail.aggregate({ _sum: { gold: true } }),
    db.client.characterInventoryItem.groupBy({ by: ["itemId"], _sum: { count: true } }),
    db.client.mailAttachment.groupBy({ by: ["itemId"], where: { kind: "item" }, _sum: { count: true } }),
  ]);
  const items = new Map<number, number>();
  for (const r of [...held, ...attached]) items.set(r.itemId!, (items.get(r.itemId!) ?? 0) + (r._sum.count ?? 0));
  return { gold: (purses._sum.gold ?? 0n) + (escrow._sum.gold ?? 0n), sword: items.get(SWORD) ?? 0, potion: items.get(POTION) ?? 0 };
}

/** Tracks the totals across steps: each step may only change them by what it declares. */
async function ledgerOfValue() {
  let expected = await totals();
  return {
    async step(name: string, change: { gold?: bigint; sword?: number; potion?: number } = {}) {
      expected = {
        gold: expected.gold + (change.gold ?? 0n),
        sword: expected.sword + (change.sword ?? 0),
        potion: expected.potion + (change.potion ?? 0),
      };
      expect(await totals(), `totals after ${name}`).toEqual(expected);
    },
  };
}

async function player(gold = 0n, items: Array<[number, number]> = []): Promise<Character> {
  const c = await makeCharacter(db.client);
  if (gold > 0n) await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: gold, reason: "test", source: "admin" });
  for (const [itemId, count] of items) await db.client.characterInventoryItem.create({ data: { characterId: c.id, itemId, count } });
  return c;
}

const gold = (c: Character) => getGold(db.client, { characterId: c.id });
const count = (c: Character, itemId: number) => getItemCount(db.client, { characterId: c.id, itemId });
const options = { postage: 10n, expiryDays: 30 };
const send = (
  from: Character,
  to: Character,
  extra: { gold?: bigint; cod?: bigint; items?: Array<{ itemId: number; count: number }>; subject?: string; body?: string } = {},
) => sendMail(db.client, { ...opts, characterId: from.id, to: to.name, subject: "Hello", body: "For you", options, ...extra });

async function snapshot() {
  return {
    totals: await totals(),
    mail: await db.client.mail.findMany({ orderBy: { id: "asc" } }),
    attachments: await db.client.mailAttachment.findMany({ orderBy: [{ mailId: "asc" }, { slot: "asc" }] }),
    inventory: await db.client.characterInventoryItem.findMany({ orderBy: [{ characterId: "asc" }, { itemId: "asc" }] }),
    ledger: await db.client.currencyLedgerEntry.count(),
    events: await db.client.gameEvent.count(),
  };
}
async function refused(action: () => Promise<unknown>, code: DbErrorCode) {
  const before = await snapshot();
  const error = await expectDbError(action(), code);
  expect(await snapshot()).toEqual(before);
  return error;
}

describe("sending and taking, with the sums held at every step", () => {
  it("gold and items go into the mail, out to the recipient, and nothing is created or lost", async () => {
    const value = await ledgerOfValue();
    const a = await player(1000n, [
      [SWORD, 3],
      [POTION, 20],
    ]);
    const b = await player();
    await value.step("seeding", { gold: 1000n, sword: 3, potion: 20 });

    const sent = await send(a, b, {
      gold: 300n,
      items: [
        { itemId: SWORD, count: 1 },
        { itemId: POTION, count: 5 },
        { itemId: POTION, count: 5 },
      ],
    });
    await value.step("send", { gold: -10n });
    expect(sent.result).toMatchObject({ recipientCharacterId: b.id, debited: 310n, expiresAt: new Date(NOW.getTime() + 30 * DAY) });
    expect(sent.events.map((e) => e.kind)).toEqual([
      "mail.arrived",
      "currency.changed",
      "currency.changed",
      "inventory.changed",
      "inventory.changed",
      "inventory.changed",
    ]);
    expect(sent.events[0]).toMatchObject({
      kind: "mail.arrived",
      characterId: b.id,
      accountId: b.accountId,
      reason: "sent",
      senderType: MAIL_SENDER_TYPE.Player,
      senderName: a.name,
    });
    expect([await gold(a), await count(a, SWORD), await count(a, POTION)]).toEqual([690n, 2, 10]);
    const ledger = await db.client.currencyLedgerEntry.findMany({ where: { characterId: a.id }, orderBy: { id: "asc" } });
    expect(ledger.slice(1).map((r) => [r.delta, r.reason, r.source])).toEqual([
      [-300n, `mail ${sent.result.mailId} gold`, "mail"],
      [-10n, `mail ${sent.result.mailId} postage`, "mail"],
    ]);

    const [mail] = await listMail(db.client, { characterId: b.id });
    expect(mail).toMatchObject({ mailId: sent.result.mailId, senderName: a.name, gold: 300n, codDue: 0n, flags: 0 });
    expect(mail!.attachments).toEqual([
      { slot: 0, kind: "item", itemId: SWORD, count: 1 },
      { slot: 1, kind: "item", itemId: POTION, count: 5 },
      { slot: 2, kind: "item", itemId: POTION, count: 5 },
    ]);

    const mailId = sent.result.mailId;
    expect((await openMail(db.client, { ...opts, characterId: b.id, mailIds: [mailId, mailId + 999n] })).result).toEqual({ marked: 1 });
    expect((await listMail(db.client, { characterId: b.id }))[0]!.flags & MAIL_FLAG.IsRead).toBe(MAIL_FLAG.IsRead);

    const took = await takeMailGold(db.client, { ...opts, characterId: b.id, mailId });
    expect(took.events).toEqual([expect.objectContaining({ kind: "currency.changed", characterId: b.id, delta: 300n, source: "mail" })]);
    await value.step("take gold");
    await refused(() => takeMailGold(db.client, { ...opts, characterId: b.id, mailId }), DB_ERROR_CODES.MAIL_NO_ATTACHMENT);

    await refused(() => deleteMail(db.client, { ...opts, characterId: b.id, mailId }), DB_ERROR_CODES.MAIL_CANNOT_DELETE);
    for (const slot of [0, 1, 2]) {
      const t = await takeMailAttachment(db.client, { ...opts, characterId: b.id, mailId, slot });
      expect(t.events).toEqual([expect.objectContaining({ kind: "inventory.changed", characterId: b.id })]);
      await value.step(`take slot ${slot}`);
    }
    await refused(() => takeMailAttachment(db.client, { ...opts, characterId: b.id, mailId, slot: 0 }), DB_ERROR_CODES.MAIL_NO_ATTACHMENT);
    expect([await gold(b), await count(b, SWORD), await count(b, POTION)]).toEqual([300n, 1, 10]);

    const deleted = await deleteMail(db.client, { ...opts, characterId: b.id, mailId });
    expect(deleted.events).toEqual([expect.objectContaining({ kind: "mail.removed", characterId: b.id, reason: "deleted" })]);
    await refused(() => deleteMail(db.client, { ...opts, characterId: b.id, mailId }), DB_ERROR_CODES.MAIL_DOES_NOT_EXIST);
    await value.step("delete");
  });

  it("cash on delivery: attachments wait for payment; the payer pays the sender through the ledger", async () => {
    const value = await ledgerOfValue();
    const a = await player(100n, [[SWORD, 1]]);
    const b = await player(500n);
    await value.step("seeding", { gold: 600n, sword: 1 });
    const { result } = await send(a, b, { cod: 200n, items: [{ itemId: SWORD, count: 1 }] });
    await value.step("send", { gold: -10n });
    const mailId = result.mailId;
    expect((await listMail(db.client, { characterId: b.id }))[0]).toMatchObject({ codDue: 200n, gold: 0n });
    await refused(() => takeMailAttachment(db.client, { ...opts, characterId: b.id, mailId, slot: 0 }), DB_ERROR_CODES.MAIL_COD_UNPAID);
    await refused(() => payMailCod(db.client, { ...opts, characterId: a.id, mailId }), DB_ERROR_CODES.MAIL_DOES_NOT_EXIST);

    const paid = await payMailCod(db.client, { ...opts, characterId: b.id, mailId });
    expect(paid.events.map((e) => [e.kind, e.characterId])).toEqual([
      ["currency.changed", b.id],
      ["currency.changed", a.id],
      ["mail.cod-paid", a.id],
    ]);
    expect([await gold(a), await gold(b)]).toEqual([290n, 300n]);
    await value.step("pay cod");
    await refused(() => payMailCod(db.client, { ...opts, characterId: b.id, mailId }), DB_ERROR_CODES.MAIL_COD_NOT_DUE);
    await refused(() => returnMail(db.client, { ...opts, characterId: b.id, mailId }), DB_ERROR_CODES.MAIL_CANNOT_RETURN);
    await takeMailAttachment(db.client, { ...opts, characterId: b.id, mailId, slot: 0 });
    expect(await count(b, SWORD)).toBe(1);
    await value.step("take");
  });

  it("refuses paying cash on delivery without the gold, changing nothing", async () => {
    const a = await player(100n, [[SWORD, 1]]);
    const b = await player(50n);
    const { result } = await send(a, b, { cod: 200n, items: [{ itemId: SWORD, count: 1 }] });
    await refused(() => payMailCod(db.client, { ...opts, characterId: b.id, mailId: result.mailId }), DB_ERROR_CODES.INSUFFICIENT_FUNDS);
  });

  it("return to sender gives everything back; the sender takes it as from any mail", async () => {
    const value = await ledgerOfValue();
    const a = await player(1000n, [[POTION, 2]]);
    const b = await player();
    await value.step("seeding", { gold: 1000n, potion: 2 });
    const { result } = await send(a, b, { gold: 400n, items: [{ itemId: POTION, count: 2 }] });
    await value.step("send", { gold: -10n });
    const returned = await returnMail(db.client, { ...opts, characterId: b.id, mailId: result.mailId, options });
    expect(returned.events).toEqual([
      expect.objectContaining({ kind: "mail.removed", characterId: b.id, reason: "returned" }),
      expect.objectContaining({ kind: "mail.arrived", characterId: a.id, reason: "returned", senderName: b.name }),
    ]);
    await value.step("return");
    expect(await listMail(db.client, { characterId: b.id })).toEqual([]);
    const [back] = await listMail(db.client, { characterId: a.id });
    expect(back).toMatchObject({ mailId: result.mailId, returned: true, gold: 400n });
    expect(back!.flags & MAIL_FLAG.NotReturnable).toBe(MAIL_FLAG.NotReturnable);
    await refused(() => returnMail(db.client, { ...opts, characterId: a.id, mailId: result.mailId }), DB_ERROR_CODES.MAIL_CANNOT_RETURN);
    await takeMailGold(db.client, { ...opts, characterId: a.id, mailId: result.mailId });
    await takeMailAttachment(db.client, { ...opts, characterId: a.id, mailId: result.mailId, slot: 0 });
    await value.step("take back");
    expect([await gold(a), await count(a, POTION)]).toEqual([990n, 2]);
  });

  it("a mail something was taken from cannot be returned", async () => {
    const a = await player(100n, [[SWORD, 2]]);
    const b = await player();
    const { result } = await send(a, b, {
      items: [
        { itemId: SWORD, count: 1 },
        { itemId: SWORD, count: 1 },
      ],
    });
    await takeMailAttachment(db.client, { ...opts, characterId: b.id, mailId: result.mailId, slot: 1 });
    await refused(() => returnMail(db.client, { ...opts, characterId: b.id, mailId: result.mailId }), DB_ERROR_CODES.MAIL_CANNOT_RETURN);
  });
});

describe("ids no row can have (the client sends u64, the columns are bigint)", () => {
  it("are mail or invites that do not exist, and change nothing", async () => {
    const b = await player();
    for (const id of [0n, 2n ** 63n, 10484834213386001305n, 2n ** 64n - 1n]) {
      const mail = { ...opts, characterId: b.id, mailId: id };
      await refused(() => takeMailGold(db.client, mail), DB_ERROR_CODES.MAIL_DOES_NOT_EXIST);
      await refused(() => payMailCod(db.client, mail), DB_ERROR_CODES.MAIL_DOES_NOT_EXIST);
      await refused(() => returnMail(db.client, mail), DB_ERROR_CODES.MAIL_DOES_NOT_EXIST);
      await refused(() => deleteMail(db.client, mail), DB_ERROR_CODES.MAIL_DOES_NOT_EXIST);
      await refused(() => takeMailAttachment(db.client, { ...mail, slot: 1 }), DB_ERROR_CODES.MAIL_DOES_NOT_EXIST);
      const invite = { ...opts, characterId: b.id, inviteId: id, response: 1 as const };
      const error = await refused(() => respondToFriendInvite(db.client, invite), DB_ERROR_CODES.FRIEND_REQUEST_NOT_FOUND);
      expect(error.message).toContain(`${id} names no row`);
      expect((await openMail(db.client, { ...opts, characterId: b.id, mailIds: [id] })).result).toEqual({ marked: 0 });
    }
  });
});

describe("refusals when sending, each changing nothing", () => {
  it("with the genuine mail errors", async () => {
    const a = await player(100n, [[SWORD, 1]]);
    const b = await player();
    await refused(
      () => sendMail(db.client, { ...opts, characterId: a.id, to: "Nobodyhere", subject: "s", body: "", options }),
      DB_ERROR_CODES.CHARACTER_NOT_FOUND,
    );
    await refused(() => send(a, a), DB_ERROR_CODES.MAIL_CANNOT_MAIL_SELF);
    const tooLong = await refused(() => send(a, b, { subject: "x".repeat(50) }), DB_ERROR_CODES.MAIL_INVALID_TEXT);
    expect(tooLong.message).toContain("the subject is 50 characters; at most 49");
    await refused(() => send(a, b, { subject: "" }), DB_ERROR_CODES.MAIL_INVALID_TEXT);
    await refused(() => send(a, b, { body: "y".repeat(500) }), DB_ERROR_CODES.MAIL_INVALID_TEXT);
    await refused(() => send(a, b, { gold: 1n, cod: 1n, items: [{ itemId: SWORD, count: 1 }] }), DB_ERROR_CODES.MAIL_COD_AND_GIFT);
    await refused(() => send(a, b, { cod: 5n }), DB_ERROR_CODES.MAIL_COD_WITHOUT_ATTACHMENTS);
    await refused(() => send(a, b, { gold: 91n }), DB_ERROR_CODES.INSUFFICIENT_FUNDS);
    await refused(() => send(a, b, { items: [{ itemId: POTION, count: 1 }] }), DB_ERROR_CODES.MAIL_NOT_ENOUGH_ITEMS);
    await refused(() => send(a, b, { items: [{ itemId: 999_999_999, count: 1 }] }), DB_ERROR_CODES.UNKNOWN_GAME_DATA);
    await refused(
      () =>
        send(a, b, {
          items: [
            { itemId: SWORD, count: 1 },
            { itemId: SWORD, count: 1 },
          ],
        }),
      DB_ERROR_CODES.MAIL_NOT_ENOUGH_ITEMS,
    );
    await refused(() => send(a, b, { items: Array.from({ length: 11 }, () => ({ itemId: SWORD, count: 1 })) }), DB_ERROR_CODES.INVALID_INPUT);
    await addFriend(db.client, { ...opts, characterId: b.id, name: a.name, type: FRIENDSHIP_TYPE.Ignore });
    await refused(() => send(a, b), DB_ERROR_CODES.MAIL_RECIPIENT_IGNORES_SENDER);
    // Exactly enough for gold and postage is enough.
    const c = await player();
    await send(a, c, { gold: 90n });
    expect(await gold(a)).toBe(0n);
  });

  it("a control character or bidirectional override in subject or body: MAIL_INVALID_TEXT, no mail, no gold or item moved", async () => {
    const a = await player(100n, [[SWORD, 1]]);
    const b = await player();
    const loaded = { gold: 20n, items: [{ itemId: SWORD, count: 1 }] };
    const cases: Array<[string, { subject?: string; body?: string }, string]> = [
      ["right-to-left override in the subject", { subject: "Loot \u202egnp.exe" }, "the subject holds U+202E"],
      ["bell in the body", { body: "ring \u0007" }, "the body holds U+0007"],
      ["C1 control in the body", { body: "next line\u0085" }, "the body holds U+0085"],
      ["isolate in the body, past a line feed", { body: "line one\n\u2067hidden" }, "the body holds U+2067"],
      ["carriage return in the body", { body: "line one\r\nline two" }, "the body holds U+000D"],
    ];
    for (const [label, text, message] of cases) {
      const error = await refused(() => send(a, b, { ...loaded, ...text }), DB_ERROR_CODES.MAIL_INVALID_TEXT);
      expect(error.message, label).toContain(message);
    }
    const system = { ...opts, to: { characterId: b.id }, from: { type: "gm" as const, name: "GM" }, gold: 5n, items: [{ itemId: POTION, count: 1 }] };
    const fromSystem = await refused(
      () => sendSystemMail(db.client, { ...system, subject: "Reward", body: "for \u202eyou" }),
      DB_ERROR_CODES.MAIL_INVALID_TEXT,
    );
    expect(fromSystem.message).toContain("the body holds U+202E");
    await refused(() => sendSystemMail(db.client, { ...system, subject: "\u2066Reward" }), DB_ERROR_CODES.MAIL_INVALID_TEXT);
    // The sender's name is shown as the mail's author: the operator's `--from` is held to the same rule.
    await refused(() => sendSystemMail(db.client, { ...system, from: { type: "gm", name: "GM \u202eevil" }, subject: "Reward" }), DB_ERROR_CODES.INVALID_INPUT);
    // A body of several lines is still mail.
    await send(a, b, { ...loaded, body: "line one\nline two" });
    expect((await listMail(db.client, { characterId: b.id })).map((m) => m.body)).toEqual(["line one\nline two"]);
  });

  it("an attachment is one stack: 1..the item's maxStack (items.json), from a player or the system", async () => {
    const a = await player(100n, [
      [SWORD, 2],
      [POTION, 40],
    ]);
    const b = await player();
    // Swords do not stack (maxStack 1); potions stack to 20.
    const sword = await refused(() => send(a, b, { items: [{ itemId: SWORD, count: 2 }] }), DB_ERROR_CODES.MAIL_ITEM_STACK_INVALID);
    expect(sword.details).toMatchObject({ itemId: SWORD, count: 2, maxStack: 1, reason: "invalid_stack" });
    const potions = await refused(() => send(a, b, { items: [{ itemId: POTION, count: 21 }] }), DB_ERROR_CODES.MAIL_ITEM_STACK_INVALID);
    expect(potions.message).toBe(`An attachment holds one stack of 1 to 20 of item ${POTION}, not 21`);
    const system = { ...opts, to: { characterId: b.id }, from: { type: "gm" as const, name: "GM" }, subject: "Sorry" };
    for (const count of [21, 999_999_999]) {
      const huge = await refused(() => sendSystemMail(db.client, { ...system, items: [{ itemId: POTION, count }] }), DB_ERROR_CODES.MAIL_ITEM_STACK_INVALID);
      expect(huge.details).toMatchObject({ itemId: POTION, count, maxStack: 20 });
    }
    await refused(
      () =>
        sendSystemMail(db.client, {
          ...system,
          idempotencyKey: "stack-too-large",
          items: [
            { itemId: SWORD, count: 1 },
            { itemId: SWORD, count: 3 },
          ],
        }),
      DB_ERROR_CODES.MAIL_ITEM_STACK_INVALID,
    );
    // Full stacks in as many slots as they need are fine.
    await send(a, b, {
      items: [
        { itemId: POTION, count: 20 },
        { itemId: POTION, count: 20 },
        { itemId: SWORD, count: 1 },
        { itemId: SWORD, count: 1 },
      ],
    });
    await sendSystemMail(db.client, { ...system, items: [{ itemId: POTION, count: 20 }] });
    expect(await count(a, POTION)).toBe(0);
    expect(mailErrorFor("MAIL_ITEM_STACK_INVALID")).toBe(MAIL_GENERIC_ERROR.InvalidInventorySlot);
  });

  it("a malformed system mail (text the client cannot show, a stack past maxStack) keeps no key: the corrected request takes it", async () => {
    const b = await player();
    const system = { ...opts, to: { characterId: b.id }, from: { type: "gm" as const, name: "GM" }, subject: "Sorry" };
    const keys = () => db.client.idempotencyKey.count({ where: { key: { startsWith: `malformed-${b.id}-` } } });
    const stackKey = `malformed-${b.id}-stack`;
    await refused(
      () => sendSystemMail(db.client, { ...system, idempotencyKey: stackKey, items: [{ itemId: POTION, count: 21 }] }),
      DB_ERROR_CODES.MAIL_ITEM_STACK_INVALID,
    );
    const textKey = `malformed-${b.id}-text`;
    await refused(() => sendSystemMail(db.client, { ...system, idempotencyKey: textKey, subject: "Sorry \u202e" }), DB_ERROR_CODES.MAIL_INVALID_TEXT);
    expect(await keys()).toBe(0);
    const corrected = await sendSystemMail(db.client, { ...system, idempotencyKey: stackKey, items: [{ itemId: POTION, count: 20 }] });
    expect(corrected.replayed).toBe(false);
    expect((await sendSystemMail(db.client, { ...system, idempotencyKey: textKey })).replayed).toBe(false);
    expect(await db.client.mail.count({ where: { recipientCharacterId: b.id } })).toBe(2);
  });

  it("maps every mail refusal to its genuine GenericError", () => {
    expect(mailErrorFor("MAIL_CANNOT_MAIL_SELF")).toBe(0x78);
    expect(mailErrorFor("CHARACTER_NOT_FOUND")).toBe(MAIL_GENERIC_ERROR.CannotFindPlayer);
    expect(mailErrorFor("INSUFFICIENT_FUNDS")).toBe(0x43);
    expect(mailErrorFor("MAIL_INVALID_TEXT")).toBe(0x5c);
    expect(mailErrorFor("MAIL_COD_AND_GIFT")).toBe(0x5d);
    expect(mailErrorFor("INTERNAL")).toBe(MAIL_GENERIC_ERROR.FailedToCreate);
    for (const code of Object.values(DB_ERROR_CODES).filter((c) => c.startsWith("MAIL_"))) expect(MAIL_ERROR_BY_ERROR[code], code).toBeTypeOf("number");
  });

  it("leaves nothing when a fault is injected after the payment", async () => {
    const a = await player(100n, [[SWORD, 1]]);
    const b = await player();
    const faults = (step: string) => {
      if (step === "mail.escrowed") throw new Error("injected");
    };
    await refused(
      () =>
        sendMail(db.client, {
          ...opts,
          faults,
          characterId: a.id,
          to: b.name,
          subject: "s",
          body: "",
          gold: 5n,
          items: [{ itemId: SWORD, count: 1 }],
          options,
        }),
      DB_ERROR_CODES.INTERNAL,
    );
  });
});

describe("system mail and grants", () => {
  const titleHandlers: MailGrantHandlers = {
    title: {
      async grant(ctx, to, grant) {
        await grantTitle.within(ctx, { accountId: to.accountId, characterId: to.characterId, titleId: Number(grant.titleId), source: "store" });
      },
    },
    gold: {
      grant: () => Promise.reject(new Error("gold is not granted by this handler")),
      async refund(ctx, to, refund) {
        await changeBalance(ctx, {
          currency: "gold",
          characterId: to.characterId,
          delta: BigInt(refund.amount as string),
          reason: "gift refund",
          source: "store",
        });
      },
    },
  };

  it("is idempotent with a key and brings new value in, taken like any mail", async () => {
    const value = await ledgerOfValue();
    const b = await player();
    const request = {
      ...opts,
      actor: { kind: "admin" as const, name: "alice" },
      to: { name: b.name },
      from: { type: "gm" as const, name: "Support" },
      subject: "Sorry for the outage",
      body: "Compensation",
      gold: 250n,
      items: [{ itemId: POTION, count: 3 }],
      idempotencyKey: `comp-${b.id}`,
    };
    const first = await sendSystemMail(db.client, request);
    expect(first.events).toEqual([
      expect.objectContaining({ kind: "mail.arrived", characterId: b.id, senderType: MAIL_SENDER_TYPE.GM, senderName: "Support" }),
    ]);
    await value.step("system mail", { gold: 250n, potion: 3 });
    const retry = await sendSystemMail(db.client, request);
    expect(retry).toEqual({ result: first.result, events: [], replayed: true });
    await value.step("retry");
    await expectDbError(sendSystemMail(db.client, { ...request, gold: 251n }), DB_ERROR_CODES.IDEMPOTENCY_KEY_REUSED);
    expect(await db.client.mail.count({ where: { recipientCharacterId: b.id } })).toBe(1);
    await refused(() => returnMail(db.client, { ...opts, characterId: b.id, mailId: first.result.mailId }), DB_ERROR_CODES.MAIL_CANNOT_RETURN);
    await takeMailGold(db.client, { ...opts, characterId: b.id, mailId: first.result.mailId });
    await takeMailAttachment(db.client, { ...opts, characterId: b.id, mailId: first.result.mailId, slot: 0 });
    await value.step("take");
    expect([await gold(b), await count(b, POTION)]).toEqual([250n, 3]);
  });

  it("grants a title on claim through its handler, refuses unknown grant types, refunds after a return", async () => {
    const a = await player();
    const b = await player();
    const gift = await sendSystemMail(db.client, {
      ...opts,
      to: { characterId: b.id },
      from: { type: "player", characterId: a.id },
      subject: "A gift",
      grants: [{ grant: { type: "title", titleId: 1001 }, refund: { type: "gold", amount: "75" } }],
      gift: true,
      contentType: 23,
    });
    const mailId = gift.result.mailId;
    const [mail] = await listMail(db.client, { characterId: b.id });
    expect(mail).toMatchObject({ senderType: MAIL_SENDER_TYPE.Player, senderName: a.name, contentType: 23, flags: MAIL_FLAG.IsGift });
    expect(mail!.attachments).toEqual([{ slot: 0, kind: "grant", grant: { type: "title", titleId: 1001 }, refund: { type: "gold", amount: "75" } }]);
    await refused(() => takeMailAttachment(db.client, { ...opts, characterId: b.id, mailId, slot: 0 }), DB_ERROR_CODES.MAIL_GRANT_UNSUPPORTED);
    const taken = await takeMailAttachment(db.client, { ...opts, characterId: b.id, mailId, slot: 0, grants: titleHandlers });
    expect(taken.result).toEqual({ kind: "grant", slot: 0, refunded: false });
    expect(taken.events).toEqual([expect.objectContaining({ kind: "title.granted", accountId: b.accountId, titleId: 1001 })]);
    expect((await listAccountTitles(db.client, { accountId: b.accountId })).map((t) => t.titleId)).toEqual([1001]);

    const again = await sendSystemMail(db.client, {
      ...opts,
      to: { characterId: b.id },
      from: { type: "player", characterId: a.id },
      subject: "Another gift",
      grants: [{ grant: { type: "title", titleId: 1002 }, refund: { type: "gold", amount: "75" } }],
      gift: true,
    });
    await returnMail(db.client, { ...opts, characterId: b.id, mailId: again.result.mailId });
    const refunded = await takeMailAttachment(db.client, { ...opts, characterId: a.id, mailId: again.result.mailId, slot: 0, grants: titleHandlers });
    expect(refunded.result).toEqual({ kind: "grant", slot: 0, refunded: true });
    expect(await gold(a)).toBe(75n);
    expect((await listAccountTitles(db.client, { accountId: a.accountId })).map((t) => t.titleId)).toEqual([]);
  });

  it("refuses gifts to someone who ignores the giver, and bad system mail", async () => {
    const a = await player();
    const b = await player();
    await addFriend(db.client, { ...opts, characterId: b.id, name: a.name, type: FRIENDSHIP_TYPE.Ignore });
    const base = { ...opts, to: { characterId: b.id }, subject: "A gift" };
    await refused(() => sendSystemMail(db.client, { ...base, from: { type: "player", characterId: a.id } }), DB_ERROR_CODES.MAIL_RECIPIENT_IGNORES_SENDER);
    await refused(() => sendSystemMail(db.client, { ...base, from: { type: "gm", name: "GM" }, subject: "s".repeat(50) }), DB_ERROR_CODES.MAIL_INVALID_TEXT);
    await refused(
      () => sendSystemMail(db.client, { ...base, to: { name: "Nobodyhere" }, from: { type: "gm", name: "GM" } }),
      DB_ERROR_CODES.CHARACTER_NOT_FOUND,
    );
    await refused(
      () => sendSystemMail(db.client, { ...base, from: { type: "gm", name: "GM" }, items: [{ itemId: 999_999_999, count: 1 }] }),
      DB_ERROR_CODES.UNKNOWN_GAME_DATA,
    );
    await refused(
      () =>
        sendSystemMail(db.client, {
          ...base,
          from: { type: "gm", name: "GM" },
          items: Array.from({ length: 10 }, () => ({ itemId: SWORD, count: 1 })),
          grants: [{ grant: { type: "title", titleId: 1 } }],
        }),
      DB_ERROR_CODES.INVALID_INPUT,
    );
  });
});

describe("expiry", () => {
  it("returns a player's mail, then settles it to the sender on its second expiry; deletes empty mail; idempotent", async () => {
    const value = await ledgerOfValue();
    const a = await player(1000n, [[SWORD, 1]]);
    const b = await player();
    await value.step("seeding", { gold: 1000n, sword: 1 });
    const full = await send(a, b, { gold: 100n, items: [{ itemId: SWORD, count: 1 }] });
    const empty = await send(a, b, {});
    const kept = await sendSystemMail(db.client, {
      ...opts,
      to: { characterId: b.id },
      from: { type: "gm", name: "GM" },
      subject: "Later",
      gold: 5n,
      options: { expiryDays: 90 },
    });
    await value.step("sends", { gold: -20n + 5n });

    const at31 = new Date(NOW.getTime() + 31 * DAY);
    const sweep = await expireMail(db.client, { ...opts, now: at31, options });
    expect(sweep.returned).toContain(full.result.mailId);
    expect(sweep.deleted).toContain(empty.result.mailId);
    expect(sweep.failed).toEqual([]);
    expect([...sweep.returned, ...sweep.deleted, ...sweep.settled]).not.toContain(kept.result.mailId);
    await value.step("first sweep");
    expect((await listMail(db.client, { characterId: a.id })).map((m) => m.mailId)).toEqual([full.result.mailId]);
    const again = await expireMail(db.client, { ...opts, now: at31, options });
    expect([again.returned, again.deleted, again.settled].flat()).not.toContain(full.result.mailId);

    const at62 = new Date(NOW.getTime() + 62 * DAY);
    const second = await expireMail(db.client, { ...opts, now: at62, options });
    expect(second.settled).toContain(full.result.mailId);
    await value.step("settle");
    expect([await gold(a), await count(a, SWORD)]).toEqual([980n, 1]);
    expect(await db.client.mail.count({ where: { id: full.result.mailId } })).toBe(0);
    const events = await db.client.gameEvent.findMany({ where: { characterId: a.id, kind: "mail.removed" } });
    expect(events.map((e) => (e.payload as { reason: string }).reason)).toEqual(["expired"]);
  });

  it("settles unclaimed system mail to its recipient, and leaves a mail it cannot settle as it was", async () => {
    const value = await ledgerOfValue();
    const b = await player();
    const mail = await sendSystemMail(db.client, {
      ...opts,
      to: { characterId: b.id },
      from: { type: "creature", name: "Postmaster", creatureId: 12345 },
      subject: "Reward",
      gold: 40n,
      items: [{ itemId: POTION, count: 2 }],
    });
    const grant = await sendSystemMail(db.client, {
      ...opts,
      to: { characterId: b.id },
      from: { type: "gm", name: "GM" },
      subject: "Title",
      grants: [{ grant: { type: "title", titleId: 1003 } }],
    });
    await value.step("sends", { gold: 40n, potion: 2 });
    const later = new Date(NOW.getTime() + 31 * DAY);
    const sweep = await expireMail(db.client, { ...opts, now: later });
    expect(sweep.settled).toContain(mail.result.mailId);
    expect(sweep.failed).toContainEqual(expect.objectContaining({ mailId: grant.result.mailId, code: DB_ERROR_CODES.MAIL_GRANT_UNSUPPORTED }));
    await value.step("sweep");
    expect([await gold(b), await count(b, POTION)]).toEqual([40n, 2]);
    expect(await db.client.mailAttachment.count({ where: { mailId: grant.result.mailId } })).toBe(1);
  });
});
