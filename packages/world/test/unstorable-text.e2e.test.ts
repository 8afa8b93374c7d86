// Text PostgreSQL cannot store (a NUL, U+0000) from the client: a promo code, a friend's name, a
// mail's recipient, a chat command's argument. Each gets the answer its packet has for bad or
// unknown text (the genuine result packet, or the command's refusal), never "internal server
// error", and nothing changes.
import { FRIENDSHIP_RESULT, FRIENDSHIP_TYPE, MAIL_GENERIC_ERROR } from "@bezgelor/core";
import { ClientFriendshipAddByName, ClientFriendshipRemoveByName, ClientMailSend, PROMO_CODE_RESULT } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionOptions } from "@bezgelor/db";
import { gm } from "./support/gm";
import { shopper, startStoreWorld } from "./support/store";
import type { TestWorld } from "./support/world";

let t: TestWorld;
let opts: ActionOptions;
beforeAll(async () => ({ t, opts } = await startStoreWorld()));
afterAll(() => t.close());

/** `name` with a NUL after its second letter: "Ca\u0000ra" for "Cara". */
const withNul = (name: string) => `${name.slice(0, 2)}\u0000${name.slice(2)}`;
const noErrorsLogged = () => expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);

describe("a NUL in text from the client", () => {
  it("ClientPromoCodeRedeem with a NUL in the code gets ServerPromoCodeResult NotFound, and nothing is granted or counted", async () => {
    const a = await shopper(t, opts);
    // Neither the code nor the validator's words come back: a plain message, an empty code.
    expect(await a.client.redeemCode("AB\u0000CD")).toMatchObject({
      result: PROMO_CODE_RESULT.NotFound,
      rewards: [],
      code: "",
      message: "That is not a valid promo code.",
    });
    expect(await a.client.redeemCode("AB\u202eCD")).toMatchObject({ result: PROMO_CODE_RESULT.NotFound, code: "", message: "That is not a valid promo code." });
    expect(a.client.pending("ServerRequestResult")).toEqual([]);
    expect(await t.db.promoAttempt.count({ where: { accountId: a.player.accountId } })).toBe(0);
    expect(await t.db.promoRedemption.count({ where: { accountId: a.player.accountId } })).toBe(0);
    // The chat command answers bad input as it answers a code too long: INVALID_INPUT, a refusal.
    expect(await gm(a.client, "!redeem A\u0000B")).toEqual({ refused: "INVALID_INPUT", message: "That request is not valid." });
    noErrorsLogged();
  });

  it("a friend added or removed by a name with a NUL gets the answer an unknown name gets", async () => {
    const [a, b] = [await shopper(t, opts), await shopper(t, opts)];
    const answer = async (packet: typeof ClientFriendshipAddByName | typeof ClientFriendshipRemoveByName, name: string, type: number) => {
      a.client.send(packet as typeof ClientFriendshipAddByName, { name, realm: "", type, note: "" });
      return (await a.client.waitFor("ServerFriendshipResult")).result;
    };
    const spoiled = withNul(b.player.characterName);
    expect(await answer(ClientFriendshipAddByName, "Nobodyatall", FRIENDSHIP_TYPE.Friend)).toBe(FRIENDSHIP_RESULT.PlayerNotFound);
    expect(await answer(ClientFriendshipAddByName, spoiled, FRIENDSHIP_TYPE.Friend)).toBe(FRIENDSHIP_RESULT.PlayerNotFound);
    expect(await answer(ClientFriendshipAddByName, spoiled, FRIENDSHIP_TYPE.Ignore)).toBe(FRIENDSHIP_RESULT.PlayerNotFound);
    expect(await answer(ClientFriendshipRemoveByName, "Nobodyatall", FRIENDSHIP_TYPE.Ignore)).toBe(
      await answer(ClientFriendshipRemoveByName, spoiled, FRIENDSHIP_TYPE.Ignore),
    );
    expect(a.client.pending("ServerRequestResult")).toEqual([]);
    expect(await t.db.friendInvite.count({ where: { inviterCharacterId: a.player.characterId } })).toBe(0);
    expect(await t.db.characterFriendship.count({ where: { characterId: a.player.characterId } })).toBe(0);
    noErrorsLogged();
  });

  it("a mail to a name with a NUL gets CannotFindPlayer, as an unknown name, and costs nothing", async () => {
    const [a, b] = [await shopper(t, opts, { gold: 100n }), await shopper(t, opts)];
    const send = async (to: string) => {
      a.client.send(ClientMailSend, {
        name: to,
        realm: "",
        subject: "Loot",
        body: "Your share.",
        creditsSent: 5n,
        cashOnDelivery: 0n,
        deliveryTime: 0,
        unitId: a.mailboxUnit,
        items: Array<bigint>(10).fill(0n),
      });
      return (await a.client.waitFor("ServerMailResult")).result;
    };
    expect(await send("Nobodyatall")).toBe(MAIL_GENERIC_ERROR.CannotFindPlayer);
    expect(await send(withNul(b.player.characterName))).toBe(MAIL_GENERIC_ERROR.CannotFindPlayer);
    expect(a.client.pending("ServerRequestResult")).toEqual([]);
    expect((await t.db.character.findUniqueOrThrow({ where: { id: a.player.characterId } })).gold).toBe(100n);
    expect(await t.db.mail.count({ where: { recipientCharacterId: b.player.characterId } })).toBe(0);
    noErrorsLogged();
  });
});
