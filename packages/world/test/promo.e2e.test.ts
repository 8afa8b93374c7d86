// Promo codes over the extension packets (ClientPromoCodeRedeem 0xF060 -> ServerPromoCodeResult
// 0xF061) and the `!redeem CODE` chat command every player may use: each kind's limit, the
// rewards delivered, and refusals that grant nothing.
import { createPromoCode, ownsCollectible, type ActionOptions, type CreatePromoCodeInput } from "@bezgelor/db";
import { PROMO_CODE_RESULT, PROMO_REWARD_KIND, STORE_CURRENCY_ID } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gm } from "./support/gm";
import { balancesOf, shopper, startStoreWorld } from "./support/store";
import type { TestWorld } from "./support/world";

let t: TestWorld;
let opts: ActionOptions;
let serial = 0;
beforeAll(async () => ({ t, opts } = await startStoreWorld()));
afterAll(() => t.close());

/** A new code of `kind` giving 100 NCoin, named uniquely. */
async function code(kind: CreatePromoCodeInput["kind"], extra: Partial<CreatePromoCodeInput> = {}): Promise<string> {
  const text = `${kind.toUpperCase()}-${++serial}-${Date.now()}`;
  // Made before its window opens, as an operator would: an expiry already past is refused at creation.
  const madeAt = extra.startsAt instanceof Date ? new Date(extra.startsAt.getTime() - 1000) : undefined;
  const context = madeAt ? { ...opts, now: madeAt } : opts;
  await createPromoCode(t.db, { code: text, kind, rewards: [{ kind: "currency", currency: "premium", amount: 100n }], ...extra }, context);
  return text;
}

const premiumOf = async (p: Awaited<ReturnType<typeof shopper>>) => (await balancesOf(t, p.player)).premium;

describe("promo codes over ClientPromoCodeRedeem", () => {
  it("single use: the first redeemer gets the rewards (and the balance packet), everyone after is UsedUp", async () => {
    const text = await code("single_use");
    const [a, b] = [await shopper(t, opts), await shopper(t, opts)];
    const first = await a.client.redeemCode(`  ${text.toLowerCase()} `);
    expect(first).toMatchObject({ result: PROMO_CODE_RESULT.Ok, code: text });
    expect(first.rewards).toEqual([{ kind: PROMO_REWARD_KIND.Currency, currencyId: STORE_CURRENCY_ID.NCoin, id: 0, amount: 100n }]);
    expect(first.message).toContain("100 NCoin");
    await a.client.waitFor("ServerAccountCurrencySet", (s) => s.accountCurrencies.some((c) => c.amount === 100n));
    expect(await b.client.redeemCode(text)).toMatchObject({ result: PROMO_CODE_RESULT.UsedUp, code: text, rewards: [] });
    expect([await premiumOf(a), await premiumOf(b)]).toEqual([100n, 0n]);
  });

  it("multi use: up to its maximum, then UsedUp; one account cannot take two of the uses", async () => {
    const text = await code("multi_use", { maxUses: 2 });
    const [a, b, c] = [await shopper(t, opts), await shopper(t, opts), await shopper(t, opts)];
    expect((await a.client.redeemCode(text)).result).toBe(PROMO_CODE_RESULT.Ok);
    expect((await a.client.redeemCode(text)).result).toBe(PROMO_CODE_RESULT.AlreadyRedeemed);
    expect((await b.client.redeemCode(text)).result).toBe(PROMO_CODE_RESULT.Ok);
    expect((await c.client.redeemCode(text)).result).toBe(PROMO_CODE_RESULT.UsedUp);
    expect([await premiumOf(a), await premiumOf(b), await premiumOf(c)]).toEqual([100n, 100n, 0n]);
  });

  it("per account: once per account, any number of accounts; a mount reward lands in the collection", async () => {
    const text = await code("per_account", { rewards: [{ kind: "mount", mountId: 1001 }] });
    const [a, b] = [await shopper(t, opts), await shopper(t, opts)];
    const first = await a.client.redeemCode(text);
    expect(first).toMatchObject({ result: PROMO_CODE_RESULT.Ok, rewards: [{ kind: PROMO_REWARD_KIND.Mount, currencyId: 0, id: 1001, amount: 1n }] });
    expect((await a.client.waitFor("ServerChat", (m) => m.text.startsWith("Added to your collection"))).text).toContain("Woolie");
    expect((await a.client.redeemCode(text)).result).toBe(PROMO_CODE_RESULT.AlreadyRedeemed);
    expect((await b.client.redeemCode(text)).result).toBe(PROMO_CODE_RESULT.Ok);
    for (const p of [a, b]) expect(await ownsCollectible(t.db, { accountId: p.player.accountId, collectibleType: "mount", collectibleId: 1001 })).toBe(true);
  });

  it("a vanity pet reward is named in the result and unlocked with the genuine ServerUnlockVanityPet", async () => {
    const text = await code("per_account", { rewards: [{ kind: "vanity_pet", vanityPetId: 3001 }] });
    const a = await shopper(t, opts);
    const result = await a.client.redeemCode(text);
    expect(result).toMatchObject({ result: PROMO_CODE_RESULT.Ok, rewards: [{ kind: PROMO_REWARD_KIND.VanityPet, currencyId: 0, id: 3001, amount: 1n }] });
    expect(result.message).toContain("vanity pet Pocket Pell");
    expect(await a.client.waitFor("ServerUnlockVanityPet")).toEqual({ spell4Id: 62001 });
  });

  it("unknown, not started and expired codes are refused and grant nothing; repeated failures are rate limited", async () => {
    const later = await code("multi_use", { maxUses: 5, startsAt: new Date(Date.now() + 3_600_000) });
    const over = await code("multi_use", { maxUses: 5, startsAt: new Date(Date.now() - 7_200_000), expiresAt: new Date(Date.now() - 3_600_000) });
    const p = await shopper(t, opts);
    expect((await p.client.redeemCode("NO-SUCH-CODE")).result).toBe(PROMO_CODE_RESULT.NotFound);
    expect((await p.client.redeemCode("")).result).toBe(PROMO_CODE_RESULT.NotFound);
    expect((await p.client.redeemCode(later)).result).toBe(PROMO_CODE_RESULT.NotStarted);
    expect((await p.client.redeemCode(over)).result).toBe(PROMO_CODE_RESULT.Expired);
    expect((await p.client.redeemCode("NO-SUCH-CODE-2")).result).toBe(PROMO_CODE_RESULT.NotFound);
    const good = await code("single_use");
    expect((await p.client.redeemCode(good)).result).toBe(PROMO_CODE_RESULT.RateLimited);
    expect(await premiumOf(p)).toBe(0n);
    expect(t.logged("promo code refused").length).toBeGreaterThanOrEqual(6);
  });
});

describe("!redeem CODE in chat, for any player", () => {
  it("redeems each kind and answers refusals with their reason", async () => {
    const single = await code("single_use");
    const multi = await code("multi_use", { maxUses: 1 });
    const perAccount = await code("per_account");
    const a = await shopper(t, opts);
    const b = await shopper(t, opts);
    expect((await gm(a.client, `!redeem ${single}`)).reply).toBe(`redeemed ${single}: 100 NCoin`);
    expect((await gm(a.client, `!redeem ${multi}`)).reply).toBe(`redeemed ${multi}: 100 NCoin`);
    expect((await gm(a.client, `!redeem ${perAccount.toLowerCase()}`)).reply).toBe(`redeemed ${perAccount}: 100 NCoin`);
    expect(await gm(a.client, `!redeem ${perAccount}`)).toMatchObject({ refused: "ALREADY_DONE" });
    expect(await gm(b.client, `!redeem ${single}`)).toMatchObject({ refused: "LIMIT_REACHED" });
    expect(await gm(b.client, "!redeem NOPE")).toMatchObject({ refused: "NOT_FOUND" });
    expect(await gm(b.client, "!redeem")).toMatchObject({ refused: "INVALID_INPUT" });
    expect(await gm(b.client, `!redeem ${"X".repeat(1000)}`)).toEqual({ refused: "INVALID_INPUT", message: "a promo code is at most 64 characters" });
    expect((await gm(b.client, `!redeem ${perAccount}`)).reply).toBe(`redeemed ${perAccount}: 100 NCoin`);
    expect([await premiumOf(a), await premiumOf(b)]).toEqual([300n, 100n]);
  });
});
