import { MAIL_GENERIC_ERROR } from "@bezgelor/core";
import type { ActionOptions } from "@bezgelor/db";
import { testActionOptions } from "@bezgelor/db/testing";
import {
  ClientMailDelete,
  ClientMailOpen,
  ClientMailPayCod,
  ClientMailReturn,
  ClientMailSend,
  ClientMailTakeAttachment,
  ClientMailTakeCash,
} from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSocialSweep } from "../src/game/social-sweep";
import { enter, holdings, richPlayer } from "./support/social";
import { startTestWorld, type TestWorld } from "./support/world";

const SWORD = 30001;
const POTION = 30010;
const POSTAGE = 10n;
const DAY_MS = 86_400_000;
const slots = (...ids: number[]) => [...ids.map(BigInt), ...Array<bigint>(10 - ids.length).fill(0n)];
const mail = (
  to: string,
  extra: Partial<{ subject: string; body: string; creditsSent: bigint; cashOnDelivery: bigint; items: bigint[]; unitId: number }> = {},
) => ({
  name: to,
  realm: "",
  subject: "Loot",
  body: "Your share.",
  creditsSent: 0n,
  cashOnDelivery: 0n,
  deliveryTime: 0,
  unitId: 4321,
  items: slots(),
  ...extra,
});

describe("mail over the genuine mail packets", () => {
  let t: TestWorld;
  let opts: ActionOptions;
  beforeAll(async () => {
    t = await startTestWorld();
    opts = await testActionOptions({ actor: { kind: "admin", name: "test" } });
  });
  afterAll(() => t.close());

  it("answers cash that would carry the balance past the maximum with a mail result, and takes nothing", async () => {
    const a = await enter(t, await richPlayer(t, opts, 1000n));
    const b = await enter(t);
    a.client.send(ClientMailSend, mail(b.player.characterName, { unitId: a.mailboxUnit, creditsSent: 5n }));
    expect(await a.client.waitFor("ServerMailResult")).toMatchObject({ result: MAIL_GENERIC_ERROR.Ok });
    const m = (await b.client.waitFor("ServerMailAvailable")).mails[0]!;
    const MAX = 2n ** 63n - 1n;
    await t.db.character.update({ where: { id: b.player.characterId }, data: { gold: MAX } });
    b.client.send(ClientMailTakeCash, { mailId: m.mailId, unitId: b.mailboxUnit });
    expect(await b.client.waitFor("ServerMailResult")).toEqual({ action: 2, mailId: m.mailId, result: MAIL_GENERIC_ERROR.FailedToCreate });
    const after = await holdings(t, a.player, b.player);
    expect(after.gold[b.player.characterId]).toBe(MAX);
    expect(after.mailGold).toBe(5n);
  });

  it("gold and items reach the online recipient, are taken, and the sums hold at every step", async () => {
    const a = await enter(
      t,
      await richPlayer(t, opts, 1000n, [
        [SWORD, 1],
        [POTION, 5],
      ]),
    );
    const b = await enter(t);
    expect(b.mailbox).toEqual({ newMail: false, mails: [] });
    const start = await holdings(t, a.player, b.player);
    expect(start.items).toEqual({ [SWORD]: 1, [POTION]: 5 });

    a.client.send(ClientMailSend, mail(b.player.characterName, { unitId: a.mailboxUnit, creditsSent: 300n, items: slots(SWORD, POTION) }));
    expect(await a.client.waitFor("ServerMailResult")).toEqual({ action: 1, mailId: 0n, result: MAIL_GENERIC_ERROR.Ok });
    const arrived = await b.client.waitFor("ServerMailAvailable");
    expect(arrived.newMail).toBe(true);
    const m = arrived.mails[0]!;
    expect(m).toMatchObject({
      senderType: 0,
      subject: "Loot",
      body: "Your share.",
      currencyAmount: 300n,
      costOnDelivery: 0n,
      sender: { realmId: 1, characterId: BigInt(a.player.characterId) },
    });
    expect(m.attachments.map((x) => [x.itemId, x.amount])).toEqual([
      [SWORD, 1],
      [POTION, 5],
    ]);
    const sent = await holdings(t, a.player, b.player);
    expect(sent.totalGold).toBe(start.totalGold - POSTAGE);
    expect(sent.gold[a.player.characterId]).toBe(1000n - 300n - POSTAGE);
    expect(sent.mailGold).toBe(300n);
    expect(sent.items).toEqual(start.items);

    b.client.send(ClientMailOpen, { mailIds: [m.mailId] });
    b.client.send(ClientMailTakeCash, { mailId: m.mailId, unitId: b.mailboxUnit });
    expect(await b.client.waitFor("ServerMailResult")).toEqual({ action: 2, mailId: m.mailId, result: MAIL_GENERIC_ERROR.Ok });
    expect((await b.client.waitFor("ServerCombatReward", (r) => r.newValue === 300n)).newValue).toBe(300n);
    const cashed = await holdings(t, a.player, b.player);
    expect(cashed.totalGold).toBe(sent.totalGold);
    expect(cashed.gold[b.player.characterId]).toBe(300n);

    // Index 0 is the sword; once taken, the potions are index 0 (positions shift, as in NexusForever).
    b.client.send(ClientMailTakeAttachment, { mailId: m.mailId, index: 0, unitId: b.mailboxUnit });
    expect(await b.client.waitFor("ServerMailTakeAttachment")).toEqual({ mailId: m.mailId, result: MAIL_GENERIC_ERROR.Ok, index: 0 });
    b.client.send(ClientMailTakeAttachment, { mailId: m.mailId, index: 1, unitId: b.mailboxUnit });
    expect(await b.client.waitFor("ServerMailTakeAttachment")).toEqual({ mailId: m.mailId, result: MAIL_GENERIC_ERROR.NoAttachment, index: 1 });
    b.client.send(ClientMailTakeAttachment, { mailId: m.mailId, index: 0, unitId: b.mailboxUnit });
    expect(await b.client.waitFor("ServerMailTakeAttachment")).toEqual({ mailId: m.mailId, result: MAIL_GENERIC_ERROR.Ok, index: 0 });
    expect(await b.client.waitFor("ServerInventoryUpdate", (u) => u.itemId === POTION)).toEqual({ itemId: POTION, count: 5 });
    const taken = await holdings(t, a.player, b.player);
    expect(taken.totalGold).toBe(sent.totalGold);
    expect(taken.items).toEqual(start.items);
    expect(
      await t.db.characterInventoryItem.findMany({
        where: { characterId: b.player.characterId },
        select: { itemId: true, count: true },
        orderBy: { itemId: "asc" },
      }),
    ).toEqual([
      { itemId: SWORD, count: 1 },
      { itemId: POTION, count: 5 },
    ]);

    // Empty now: deleting works, and it is read on the next login no more.
    b.client.send(ClientMailDelete, { mailIds: [m.mailId] });
    expect(await b.client.waitFor("ServerMailUnavailable")).toEqual({ mailId: m.mailId });
    expect(await b.client.waitFor("ServerMailResult")).toEqual({ action: 5, mailId: m.mailId, result: MAIL_GENERIC_ERROR.Ok });
    expect((await holdings(t, a.player, b.player)).totalGold).toBe(sent.totalGold);
  });

  it("an item held past its maxStack is attached one stack at a time (20 potions of 45), the rest staying with the sender", async () => {
    const a = await enter(t, await richPlayer(t, opts, 100n, [[POTION, 45]]));
    const b = await enter(t);
    const start = await holdings(t, a.player, b.player);
    a.client.send(ClientMailSend, mail(b.player.characterName, { unitId: a.mailboxUnit, items: slots(POTION) }));
    expect(await a.client.waitFor("ServerMailResult")).toEqual({ action: 1, mailId: 0n, result: MAIL_GENERIC_ERROR.Ok });
    const m = (await b.client.waitFor("ServerMailAvailable")).mails[0]!;
    expect(m.attachments.map((x) => [x.itemId, x.amount])).toEqual([[POTION, 20]]);
    expect(await a.client.waitFor("ServerInventoryUpdate", (u) => u.itemId === POTION)).toEqual({ itemId: POTION, count: 25 });
    expect((await holdings(t, a.player, b.player)).items).toEqual(start.items);
  });

  it("cash on delivery: refused until paid, paid into the sender's purse, then the item is taken", async () => {
    const a = await enter(t, await richPlayer(t, opts, 100n, [[SWORD, 2]]));
    const b = await enter(t, await richPlayer(t, opts, 50n));
    const start = await holdings(t, a.player, b.player);
    a.client.send(ClientMailSend, mail(b.player.characterName, { unitId: a.mailboxUnit, cashOnDelivery: 25n, items: slots(SWORD) }));
    expect((await a.client.waitFor("ServerMailResult")).result).toBe(MAIL_GENERIC_ERROR.Ok);
    const m = (await b.client.waitFor("ServerMailAvailable")).mails[0]!;
    expect(m.costOnDelivery).toBe(25n);

    b.client.send(ClientMailTakeAttachment, { mailId: m.mailId, index: 0, unitId: b.mailboxUnit });
    expect((await b.client.waitFor("ServerMailTakeAttachment")).result).toBe(MAIL_GENERIC_ERROR.Busy);
    b.client.send(ClientMailDelete, { mailIds: [m.mailId] });
    expect(await b.client.waitFor("ServerMailResult")).toEqual({ action: 5, mailId: m.mailId, result: MAIL_GENERIC_ERROR.CannotDelete });
    expect(b.client.pending("ServerMailUnavailable")).toEqual([]);
    expect(await t.db.mail.count({ where: { id: m.mailId } })).toBe(1);

    b.client.send(ClientMailPayCod, { mailId: m.mailId, unitId: b.mailboxUnit });
    expect(await b.client.waitFor("ServerMailResult")).toEqual({ action: 3, mailId: m.mailId, result: MAIL_GENERIC_ERROR.Ok });
    expect((await a.client.waitFor("ServerCombatReward", (r) => r.newValue === 100n - POSTAGE + 25n)).newValue).toBe(115n);
    await a.client.waitFor("ServerChat", (c) => c.text.includes("cash on delivery"));
    b.client.send(ClientMailTakeAttachment, { mailId: m.mailId, index: 0, unitId: b.mailboxUnit });
    expect((await b.client.waitFor("ServerMailTakeAttachment")).result).toBe(MAIL_GENERIC_ERROR.Ok);
    const end = await holdings(t, a.player, b.player);
    expect(end.totalGold).toBe(start.totalGold - POSTAGE);
    expect(end.gold).toEqual({ [a.player.characterId]: 115n, [b.player.characterId]: 25n });
    expect(end.items).toEqual(start.items);
  });

  it("a return and an expiry each give everything back to the sender", async () => {
    const a = await enter(
      t,
      await richPlayer(t, opts, 500n, [
        [POTION, 3],
        [SWORD, 1],
      ]),
    );
    const b = await enter(t);
    const start = await holdings(t, a.player, b.player);

    a.client.send(ClientMailSend, mail(b.player.characterName, { unitId: a.mailboxUnit, creditsSent: 100n, items: slots(POTION) }));
    await a.client.waitFor("ServerMailResult");
    const first = (await b.client.waitFor("ServerMailAvailable")).mails[0]!;
    b.client.send(ClientMailReturn, { mailId: first.mailId });
    expect(await b.client.waitFor("ServerMailUnavailable")).toEqual({ mailId: first.mailId });
    expect(await b.client.waitFor("ServerMailResult")).toEqual({ action: 1, mailId: first.mailId, result: MAIL_GENERIC_ERROR.Ok });
    const back = (await a.client.waitFor("ServerMailAvailable")).mails[0]!;
    expect(back).toMatchObject({ mailId: first.mailId, currencyAmount: 100n });
    b.client.send(ClientMailReturn, { mailId: first.mailId });
    expect((await b.client.waitFor("ServerMailResult")).result).toBe(MAIL_GENERIC_ERROR.DoesNotExist);
    a.client.send(ClientMailTakeCash, { mailId: first.mailId, unitId: a.mailboxUnit });
    expect((await a.client.waitFor("ServerMailResult")).result).toBe(MAIL_GENERIC_ERROR.Ok);
    a.client.send(ClientMailTakeAttachment, { mailId: first.mailId, index: 0, unitId: a.mailboxUnit });
    expect((await a.client.waitFor("ServerMailTakeAttachment")).result).toBe(MAIL_GENERIC_ERROR.Ok);
    const returned = await holdings(t, a.player, b.player);
    expect(returned.totalGold).toBe(start.totalGold - POSTAGE);
    expect(returned.gold[a.player.characterId]).toBe(500n - POSTAGE);
    expect(returned.items).toEqual(start.items);

    // Expiry: the sweep (called directly with a clock past the expiry) returns it to the sender.
    a.client.send(ClientMailSend, mail(b.player.characterName, { unitId: a.mailboxUnit, creditsSent: 40n, items: slots(SWORD) }));
    await a.client.waitFor("ServerMailResult");
    const second = (await b.client.waitFor("ServerMailAvailable")).mails[0]!;
    const report = await runSocialSweep(t.world.services, new Date(Date.now() + 31 * DAY_MS));
    expect(report.mail.returned).toContain(second.mailId);
    expect(await b.client.waitFor("ServerMailUnavailable")).toEqual({ mailId: second.mailId });
    expect((await a.client.waitFor("ServerMailAvailable")).mails[0]).toMatchObject({ mailId: second.mailId, currencyAmount: 40n });
    const again = await runSocialSweep(t.world.services, new Date(Date.now() + 31 * DAY_MS));
    expect(again.mail.returned).not.toContain(second.mailId);
    a.client.send(ClientMailTakeCash, { mailId: second.mailId, unitId: a.mailboxUnit });
    expect((await a.client.waitFor("ServerMailResult")).result).toBe(MAIL_GENERIC_ERROR.Ok);
    a.client.send(ClientMailTakeAttachment, { mailId: second.mailId, index: 0, unitId: a.mailboxUnit });
    expect((await a.client.waitFor("ServerMailTakeAttachment")).result).toBe(MAIL_GENERIC_ERROR.Ok);
    const expired = await holdings(t, a.player, b.player);
    expect(expired.gold[a.player.characterId]).toBe(500n - 2n * POSTAGE);
    expect(expired.totalGold).toBe(start.totalGold - 2n * POSTAGE);
    expect(expired.items).toEqual(start.items);
    expect(await t.db.characterInventoryItem.count({ where: { characterId: b.player.characterId } })).toBe(0);
  });

  it("a control character or bidirectional override in subject or body: InvalidText, nothing sent or moved", async () => {
    const a = await enter(t, await richPlayer(t, opts, 100n, [[SWORD, 1]]));
    const b = await enter(t);
    const before = await holdings(t, a.player, b.player);
    const loaded = { creditsSent: 20n, items: slots(SWORD), unitId: a.mailboxUnit };
    const cases: Array<[string, ReturnType<typeof mail>]> = [
      ["right-to-left override in the subject", mail(b.player.characterName, { ...loaded, subject: "Loot \u202egnp.exe" })],
      ["bell in the body", mail(b.player.characterName, { ...loaded, body: "ring \u0007" })],
      ["C1 control in the body", mail(b.player.characterName, { ...loaded, body: "next\u0085line" })],
      ["isolate in the body", mail(b.player.characterName, { ...loaded, body: "line one\n\u2067hidden" })],
    ];
    for (const [label, request] of cases) {
      a.client.send(ClientMailSend, request);
      expect(await a.client.waitFor("ServerMailResult"), label).toEqual({ action: 1, mailId: 0n, result: MAIL_GENERIC_ERROR.InvalidText });
      expect(await holdings(t, a.player, b.player), label).toEqual(before);
    }
    expect(b.client.pending("ServerMailAvailable")).toEqual([]);
    expect(t.logged("mail request refused").filter((l) => String(l.msg).includes("control character")).length).toBe(cases.length);
    a.client.send(ClientMailSend, mail(b.player.characterName, { ...loaded, body: "line one\nline two" }));
    expect(await a.client.waitFor("ServerMailResult")).toEqual({ action: 1, mailId: 0n, result: MAIL_GENERIC_ERROR.Ok });
    expect((await b.client.waitFor("ServerMailAvailable")).mails[0]).toMatchObject({ subject: "Loot", body: "line one\nline two" });
    expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("unknown name, self, too much gold, too long a subject, a stack not held: the genuine error, nothing changed", async () => {
    const a = await enter(t, await richPlayer(t, opts, 100n, [[SWORD, 1]]));
    const b = await enter(t);
    const before = await holdings(t, a.player, b.player);
    const cases: Array<[string, ReturnType<typeof mail>, number]> = [
      ["unknown name", mail("Nobodyatall"), MAIL_GENERIC_ERROR.CannotFindPlayer],
      ["self", mail(a.player.characterName), MAIL_GENERIC_ERROR.CannotMailSelf],
      ["too much gold", mail(b.player.characterName, { creditsSent: 95n }), MAIL_GENERIC_ERROR.InsufficientFunds],
      ["subject of 50", mail(b.player.characterName, { subject: "x".repeat(50) }), MAIL_GENERIC_ERROR.InvalidText],
      ["stack not held", mail(b.player.characterName, { items: slots(POTION), unitId: a.mailboxUnit }), MAIL_GENERIC_ERROR.InvalidInventorySlot],
      ["one stack twice", mail(b.player.characterName, { items: slots(SWORD, SWORD), unitId: a.mailboxUnit }), MAIL_GENERIC_ERROR.InvalidInventorySlot],
      ["attachments away from a mailbox", mail(b.player.characterName, { items: slots(SWORD), unitId: 999_999 }), MAIL_GENERIC_ERROR.MailBoxOutOfRange],
    ];
    for (const [label, request, result] of cases) {
      a.client.send(ClientMailSend, request);
      expect(await a.client.waitFor("ServerMailResult"), label).toEqual({ action: 1, mailId: 0n, result });
      expect(await holdings(t, a.player, b.player), label).toEqual(before);
    }
    expect(b.client.pending("ServerMailAvailable")).toEqual([]);
    expect(t.logged("mail request refused").length).toBeGreaterThanOrEqual(cases.length);
    expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
