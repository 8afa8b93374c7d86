// Gifts over ClientStorefrontPurchaseAccount: bought for a friend, paid at once, delivered as a
// gift mail the recipient takes (or returns for the sender's refund); refused for anyone else.
import { MAIL_CONTENT_TYPE, MAIL_FLAG, MAIL_GENERIC_ERROR } from "@bezgelor/core";
import { listPurchases, ownsCollectible, STORE_ERROR, type ActionOptions } from "@bezgelor/db";
import { ClientMailReturn, ClientMailTakeAttachment, STORE_CURRENCY_ID } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balancesOf, befriend, ledgerRows, shopper, startStoreWorld } from "./support/store";
import type { TestWorld } from "./support/world";

const { NCoin } = STORE_CURRENCY_ID;
const ok = { success: true, error: STORE_ERROR.Success };
const refused = (error: number) => ({ success: false, error });
const PUP = { offerId: 201, currencyId: NCoin, price: 300 };

let t: TestWorld;
let opts: ActionOptions;
beforeAll(async () => ({ t, opts } = await startStoreWorld()));
afterAll(() => t.close());

describe("gifts", () => {
  it("to a friend: the sender pays at once, the friend gets a gift mail and takes the pet from it", async () => {
    const a = await shopper(t, opts, { premium: 1000n });
    const b = await shopper(t, opts);
    await befriend(t, opts, a.player, b.player);
    const gift = { characterId: b.player.characterId, note: "Happy Protostar day!" };
    expect(await a.client.buy({ ...PUP, transactionId: 1, gift })).toEqual(ok);
    expect((await balancesOf(t, a.player)).premium).toBe(700n);
    expect(await ownsCollectible(t.db, { accountId: b.player.accountId, collectibleType: "pet", collectibleId: 2001 })).toBe(false);

    const arrived = await b.client.waitFor("ServerMailAvailable", (m) => m.newMail);
    const mail = arrived.mails[0]!;
    expect(mail).toMatchObject({ contentType: MAIL_CONTENT_TYPE.AccountItem, body: gift.note, sender: { characterId: BigInt(a.player.characterId) } });
    expect(mail.flags & MAIL_FLAG.IsGift).toBe(MAIL_FLAG.IsGift);
    b.client.send(ClientMailTakeAttachment, { mailId: mail.mailId, index: 0, unitId: b.mailboxUnit });
    expect(await b.client.waitFor("ServerMailTakeAttachment")).toMatchObject({ mailId: mail.mailId, result: MAIL_GENERIC_ERROR.Ok });
    expect((await b.client.waitFor("ServerChat", (c) => c.text.startsWith("Added to your collection"))).text).toContain("Rowsdower Pup");
    expect(await ownsCollectible(t.db, { accountId: b.player.accountId, collectibleType: "pet", collectibleId: 2001 })).toBe(true);
    expect(await ownsCollectible(t.db, { accountId: a.player.accountId, collectibleType: "pet", collectibleId: 2001 })).toBe(false);
    expect((await listPurchases(t.db, { accountId: a.player.accountId }))[0]).toMatchObject({
      isGift: true,
      recipientCharacterId: b.player.characterId,
      amountPaid: 300n,
    });
    expect((await a.client.purchaseHistory()).purchases.map((p) => [p.name, p.cost])).toEqual([["Rowsdower Pup", 300]]);
  });

  it("owned by the friend: refused before any charge (IneligibleGiftRecipient); a second unopened gift of it too", async () => {
    const a = await shopper(t, opts, { premium: 1000n });
    const b = await shopper(t, opts, { premium: 300n });
    const c = await shopper(t, opts, { premium: 1000n });
    await befriend(t, opts, a.player, b.player);
    await befriend(t, opts, a.player, c.player);
    expect(await b.client.buy({ ...PUP, transactionId: 1 })).toEqual(ok);
    const rows = await ledgerRows(t, a.player);
    expect(await a.client.buy({ ...PUP, transactionId: 78, gift: { characterId: b.player.characterId } })).toEqual(
      refused(STORE_ERROR.IneligibleGiftRecipient),
    );
    expect(await ledgerRows(t, a.player)).toBe(rows);
    expect(await a.client.buy({ ...PUP, transactionId: 79, gift: { characterId: c.player.characterId } })).toEqual(ok);
    expect(await a.client.buy({ ...PUP, transactionId: 80, gift: { characterId: c.player.characterId } })).toEqual(
      refused(STORE_ERROR.IneligibleGiftRecipient),
    );
    expect((await balancesOf(t, a.player)).premium).toBe(700n);
    expect(await t.db.mail.count({ where: { recipientCharacterId: { in: [b.player.characterId, c.player.characterId] } } })).toBe(1);
    expect((await listPurchases(t.db, { accountId: a.player.accountId })).map((p) => p.recipientCharacterId)).toEqual([c.player.characterId]);
  });

  it("bought by the friend before opening it: the claim is refused (UniqueExists); returned, the sender takes it back and is refunded exactly", async () => {
    const a = await shopper(t, opts, { premium: 500n });
    const b = await shopper(t, opts, { premium: 300n });
    await befriend(t, opts, a.player, b.player);
    expect(await a.client.buy({ ...PUP, transactionId: 1, gift: { characterId: b.player.characterId } })).toEqual(ok);
    const mail = (await b.client.waitFor("ServerMailAvailable", (m) => m.newMail)).mails[0]!;
    expect(await b.client.buy({ ...PUP, transactionId: 1 })).toEqual(ok);
    b.client.send(ClientMailTakeAttachment, { mailId: mail.mailId, index: 0, unitId: b.mailboxUnit });
    expect(await b.client.waitFor("ServerMailTakeAttachment")).toMatchObject({ result: MAIL_GENERIC_ERROR.UniqueExists });
    expect((await balancesOf(t, a.player)).premium).toBe(200n);

    b.client.send(ClientMailReturn, { mailId: mail.mailId });
    const back = (await a.client.waitFor("ServerMailAvailable", (m) => m.newMail)).mails[0]!;
    a.client.send(ClientMailTakeAttachment, { mailId: back.mailId, index: 0, unitId: a.mailboxUnit });
    expect(await a.client.waitFor("ServerMailTakeAttachment")).toMatchObject({ result: MAIL_GENERIC_ERROR.Ok });
    await a.client.waitFor("ServerAccountCurrencySet", (s) => s.accountCurrencies.some((c) => c.accountCurrencyType === NCoin && c.amount === 500n));
    expect((await balancesOf(t, a.player)).premium).toBe(500n);
    expect((await listPurchases(t.db, { accountId: a.player.accountId }))[0]!.refundedAt).not.toBeNull();
    expect(await ownsCollectible(t.db, { accountId: a.player.accountId, collectibleType: "pet", collectibleId: 2001 })).toBe(false);
  });

  it("to a non-friend, an unknown character or another realm: IneligibleGiftRecipient; a non-giftable offer: CannotGiftOffer; nothing charged, no mail", async () => {
    const a = await shopper(t, opts, { premium: 5000n });
    const stranger = await shopper(t, opts);
    const friend = await shopper(t, opts);
    await befriend(t, opts, a.player, friend.player);
    const rows = await ledgerRows(t, a.player);
    expect(await a.client.buy({ ...PUP, transactionId: 1, gift: { characterId: stranger.player.characterId } })).toEqual(
      refused(STORE_ERROR.IneligibleGiftRecipient),
    );
    expect(await a.client.buy({ ...PUP, transactionId: 2, gift: { characterId: 2_000_000_000 } })).toEqual(refused(STORE_ERROR.IneligibleGiftRecipient));
    expect(await a.client.buy({ ...PUP, transactionId: 3, gift: { characterId: 2n ** 40n } })).toEqual(refused(STORE_ERROR.IneligibleGiftRecipient));
    expect(await a.client.buy({ ...PUP, transactionId: 4, gift: { characterId: friend.player.characterId, realmId: 9 } })).toEqual(
      refused(STORE_ERROR.IneligibleGiftRecipient),
    );
    expect(await a.client.buy({ offerId: 301, currencyId: NCoin, price: 1000, transactionId: 5, gift: { characterId: friend.player.characterId } })).toEqual(
      refused(STORE_ERROR.CannotGiftOffer),
    );
    expect(await ledgerRows(t, a.player)).toBe(rows);
    expect((await balancesOf(t, a.player)).premium).toBe(5000n);
    expect(await t.db.mail.count({ where: { recipientCharacterId: { in: [stranger.player.characterId, friend.player.characterId] } } })).toBe(0);
    expect(await listPurchases(t.db, { accountId: a.player.accountId })).toEqual([]);
  });
});
