// Gifts: friends only, paid at once, delivered by gift mail, granted on claim through
// STORE_MAIL_GRANTS, refunded exactly when returned or expired; the original's defect (no friends
// check, no mail) as a test.
import { FRIENDSHIP_TYPE, MAIL_CONTENT_TYPE, MAIL_FLAG } from "@bezgelor/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addFriend,
  auditLedger,
  expireMail,
  getAccountCollection,
  getBalances,
  listMail,
  listPurchases,
  purchaseOffer,
  returnMail,
  STORE_ERROR,
  STORE_MAIL_GRANTS,
  storeErrorFor,
  takeMailAttachment,
  type ActionOptions,
  type Character,
  type Database,
} from "../src/index.js";
import { expectDbError } from "./expect-db-error.js";
import { makeCharacter } from "../src/testing/index.js";
import { befriend, buyer, storeDatabase } from "./store-support.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => ({ db, opts } = await storeDatabase()));
afterAll(() => db.close());

const gift = (from: Character, to: Character, offerId = 101, price = 500n, more: Partial<ActionOptions> = {}) =>
  purchaseOffer(db.client, {
    ...opts,
    ...more,
    accountId: from.accountId,
    characterId: from.id,
    offerId,
    currency: "premium",
    price,
    gift: { to: { name: to.name }, note: "enjoy" },
  });
const premium = async (c: Character) => (await getBalances(db.client, { accountId: c.accountId })).premium;
const mailOf = async (c: Character) => (await listMail(db.client, { characterId: c.id }))[0]!;
const take = (c: Character, mailId: bigint, more: Partial<ActionOptions> = {}) =>
  takeMailAttachment(db.client, { ...opts, ...more, characterId: c.id, mailId, slot: 0, grants: STORE_MAIL_GRANTS });

describe("gifts", () => {
  it("to a friend: the sender pays at once, the friend gets a gift mail and the mount on taking it", async () => {
    const [a, b] = [await buyer(db, opts, { premium: 600n }), await buyer(db, opts)];
    await befriend(db, opts, a, b);
    const { result, events } = await gift(a, b);
    expect(events.map((e) => e.kind)).toEqual(["currency.changed", "mail.arrived", "store.purchased"]);
    expect(result).toMatchObject({ recipientCharacterId: b.id, amountPaid: 500n, granted: [] });
    expect(await premium(a)).toBe(100n);
    const mail = await mailOf(b);
    expect(mail).toMatchObject({ mailId: result.mailId, senderCharacterId: a.id, contentType: MAIL_CONTENT_TYPE.AccountItem, body: "enjoy" });
    expect(mail.flags & MAIL_FLAG.IsGift).toBe(MAIL_FLAG.IsGift);
    expect(await getAccountCollection(db.client, { accountId: b.accountId })).toEqual([]);

    const taken = await take(b, mail.mailId);
    expect(taken.events.map((e) => e.kind)).toEqual(["collection.unlocked"]);
    expect(await getAccountCollection(db.client, { accountId: b.accountId })).toEqual([expect.objectContaining({ collectibleId: 1001, unlockSource: "gift" })]);
    expect(await getAccountCollection(db.client, { accountId: a.accountId })).toEqual([]);
    await expectDbError(take(b, mail.mailId), "MAIL_NO_ATTACHMENT");
    expect(await listPurchases(db.client, { accountId: a.accountId })).toEqual([
      expect.objectContaining({ isGift: true, recipientCharacterId: b.id, mailId: mail.mailId, refundedAt: null }),
    ]);
  });

  it("defect: a gift to a non-friend, to someone who ignores the sender, or to oneself is refused and charges nothing", async () => {
    const [a, b, c] = [await buyer(db, opts, { premium: 600n }), await buyer(db, opts), await buyer(db, opts)];
    await expectDbError(gift(a, b), "STORE_GIFT_RECIPIENT_INELIGIBLE");
    await addFriend(db.client, { ...opts, characterId: a.id, name: c.name, type: FRIENDSHIP_TYPE.Friend, note: "" }); // invited only: not mutual
    await expectDbError(gift(a, c), "STORE_GIFT_RECIPIENT_INELIGIBLE");
    await expectDbError(gift(a, a), "STORE_GIFT_RECIPIENT_INELIGIBLE");
    await expectDbError(
      purchaseOffer(db.client, {
        ...opts,
        accountId: a.accountId,
        characterId: a.id,
        offerId: 101,
        currency: "premium",
        price: 500n,
        gift: { to: { name: "Nobodyhere" } },
      }),
      "STORE_GIFT_RECIPIENT_INELIGIBLE",
    );
    await befriend(db, opts, a, b);
    await addFriend(db.client, { ...opts, characterId: b.id, name: a.name, type: FRIENDSHIP_TYPE.Ignore, note: "" });
    await expectDbError(gift(a, b), "STORE_GIFT_RECIPIENT_INELIGIBLE");
    expect(await premium(a)).toBe(600n);
    expect(await listMail(db.client, { characterId: b.id })).toEqual([]);
    expect(await listPurchases(db.client, { accountId: a.accountId })).toEqual([]);
  });

  it("an offer that is not giftable is refused", async () => {
    const [a, b] = [await buyer(db, opts, { premium: 2000n }), await buyer(db, opts)];
    await befriend(db, opts, a, b);
    await expectDbError(gift(a, b, 301, 1000n), "STORE_NOT_GIFTABLE");
    expect(await premium(a)).toBe(2000n);
  });

  it("returned: the sender takes it back and is refunded exactly, with ledger entries both ways", async () => {
    const [a, b] = [await buyer(db, opts, { premium: 500n }), await buyer(db, opts)];
    await befriend(db, opts, a, b);
    const { result } = await gift(a, b);
    await returnMail(db.client, { ...opts, characterId: b.id, mailId: result.mailId! });
    const back = await take(a, result.mailId!);
    expect(back.result).toMatchObject({ kind: "grant", refunded: true });
    expect(back.events.map((e) => e.kind)).toEqual(["currency.changed", "store.refunded"]);
    expect(await premium(a)).toBe(500n);
    const ledger = await db.client.currencyLedgerEntry.findMany({ where: { accountId: a.accountId, currency: "premium" }, orderBy: { id: "asc" } });
    expect(ledger.map((e) => [e.delta, e.source])).toEqual([
      [500n, "admin"],
      [-500n, "gift"],
      [500n, "gift"],
    ]);
    expect((await listPurchases(db.client, { accountId: a.accountId }))[0]!.refundedAt).toEqual(opts.now);
    expect(await getAccountCollection(db.client, { accountId: b.accountId })).toEqual([]);
  });

  it("a recipient who owns it already cannot claim it, and returns it for the sender's refund", async () => {
    const [a, b] = [await buyer(db, opts, { premium: 500n }), await buyer(db, opts, { premium: 500n })];
    await befriend(db, opts, a, b);
    const { result } = await gift(a, b);
    await purchaseOffer(db.client, { ...opts, accountId: b.accountId, characterId: b.id, offerId: 101, currency: "premium", price: 500n });
    await expectDbError(take(b, result.mailId!), "STORE_ALREADY_OWNED");
    expect((await mailOf(b)).attachments).toHaveLength(1);
    await returnMail(db.client, { ...opts, characterId: b.id, mailId: result.mailId! });
    await take(a, result.mailId!);
    expect(await premium(a)).toBe(500n);
  });

  it("expired: it goes back to the sender, and settles as a refund when it expires there", async () => {
    const [a, b] = [await buyer(db, opts, { premium: 500n }), await buyer(db, opts)];
    await befriend(db, opts, a, b);
    const { result } = await gift(a, b);
    const day = 86_400_000;
    const first = await expireMail(db.client, { ...opts, now: new Date(opts.now!.getTime() + 31 * day), grants: STORE_MAIL_GRANTS });
    expect(first.returned).toContain(result.mailId);
    const second = await expireMail(db.client, { ...opts, now: new Date(opts.now!.getTime() + 62 * day), grants: STORE_MAIL_GRANTS });
    expect(second.settled).toContain(result.mailId);
    expect(second.failed).toEqual([]);
    expect(await premium(a)).toBe(500n);
    expect(await getAccountCollection(db.client, { accountId: b.accountId })).toEqual([]);
    const audit = await auditLedger(db.client);
    expect(audit.failures).toEqual([]);
  });
});

describe("gifts of what the friend owns or is being given", () => {
  const giftableBundle = () => db.client.storeOffer.update({ where: { id: 501 }, data: { giftable: true } });
  const failed = async (c: Character) =>
    (await db.client.storeTransaction.findMany({ where: { accountId: c.accountId, status: "failed" }, select: { reason: true } })).map(
      (t) => t.reason!.split(":")[0],
    );

  it("defect: a gift of a pet the friend owns is refused before any charge (as buying it for themselves is)", async () => {
    const [a, b] = [await buyer(db, opts, { premium: 600n }), await buyer(db, opts, { premium: 300n })];
    await befriend(db, opts, a, b);
    await purchaseOffer(db.client, { ...opts, accountId: b.accountId, characterId: b.id, offerId: 201, currency: "premium", price: 300n });
    await expectDbError(gift(a, b, 201, 300n), "STORE_GIFT_ALREADY_OWNED");
    expect(storeErrorFor("STORE_GIFT_ALREADY_OWNED")).toBe(STORE_ERROR.IneligibleGiftRecipient);
    expect(await premium(a)).toBe(600n);
    expect(await listMail(db.client, { characterId: b.id })).toEqual([]);
    expect(await listPurchases(db.client, { accountId: a.accountId })).toEqual([]);
    expect(await failed(a)).toEqual(["STORE_GIFT_ALREADY_OWNED"]);
  });

  it("defect: a second unopened gift of the same pet is refused, from the same friend or in another offer; once returned it can be given again", async () => {
    await giftableBundle();
    const [a, b, c] = [await buyer(db, opts, { premium: 2000n }), await buyer(db, opts), await buyer(db, opts, { premium: 2000n })];
    await befriend(db, opts, a, b);
    await befriend(db, opts, c, b);
    const first = await gift(a, b, 201, 300n);
    await expectDbError(gift(a, b, 201, 300n), "STORE_GIFT_ALREADY_OWNED");
    await expectDbError(gift(c, b, 501, 700n), "STORE_GIFT_ALREADY_OWNED");
    expect(await premium(a)).toBe(1700n);
    expect(await premium(c)).toBe(2000n);
    expect(await listMail(db.client, { characterId: b.id })).toHaveLength(1);

    await returnMail(db.client, { ...opts, characterId: b.id, mailId: first.result.mailId! });
    const again = await gift(c, b, 501, 700n);
    expect(again.result.mailId).not.toBeNull();
    await take(b, again.result.mailId!);
    await expectDbError(gift(a, b, 101, 500n), "STORE_GIFT_ALREADY_OWNED");
    await take(a, first.result.mailId!);
    expect(await premium(a)).toBe(2000n);
  });

  it("a character-bound gift collides only with what that character (or the account) owns or is given", async () => {
    const bound = 9100;
    await db.client.storeOffer.create({
      data: {
        id: bound,
        categoryId: 8,
        name: "Bound Pup",
        kind: "pet",
        grants: [{ kind: "pet", petId: 2001 }],
        pricePremium: 300n,
        accountWide: false,
        giftable: true,
      },
    });
    const a = await buyer(db, opts, { premium: 2000n });
    const b1 = await buyer(db, opts);
    const b2 = await makeCharacter(db.client, { accountId: b1.accountId });
    await befriend(db, opts, a, b1);
    await befriend(db, opts, a, b2);
    const first = await gift(a, b1, bound, 300n);
    const second = await gift(a, b2, bound, 300n);
    await expectDbError(gift(a, b2, 201, 300n), "STORE_GIFT_ALREADY_OWNED");
    await expectDbError(gift(a, b1, bound, 300n), "STORE_GIFT_ALREADY_OWNED");
    await take(b1, first.result.mailId!);
    await take(b2, second.result.mailId!);
    await expectDbError(gift(a, b2, bound, 300n), "STORE_GIFT_ALREADY_OWNED");
    expect(await premium(a)).toBe(1400n);
  });

  it("a bundle is refused when the friend owns any part of it (the claim would refuse it)", async () => {
    await giftableBundle();
    const [a, b] = [await buyer(db, opts, { premium: 700n }), await buyer(db, opts, { premium: 500n })];
    await befriend(db, opts, a, b);
    await purchaseOffer(db.client, { ...opts, accountId: b.accountId, characterId: b.id, offerId: 101, currency: "premium", price: 500n });
    await expectDbError(gift(a, b, 501, 700n), "STORE_GIFT_ALREADY_OWNED");
    expect(await premium(a)).toBe(700n);
  });
});
