// Promo codes: the three kinds, windows, case and spaces, every reward, the rate limit, and the
// original's defect (limits checked outside the transaction) as the counted-under-lock check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPromoCode,
  disablePromoCode,
  getAccountCollection,
  getBalances,
  getCharacterCollection,
  getItemCount,
  getPromoCode,
  listAccountTitles,
  listPromoCodes,
  PROMO_RATE_LIMIT,
  redeemPromoCode,
  type ActionOptions,
  type Character,
  type Database,
} from "../src/index.js";
import { expectDbError } from "./expect-db-error.js";
import { buyer, storeDatabase } from "./store-support.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => ({ db, opts } = await storeDatabase()));
afterAll(() => db.close());

let n = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++n}`;
const redeem = (c: Character, code: string, more: Partial<ActionOptions> = {}) =>
  redeemPromoCode(db.client, { ...opts, ...more, accountId: c.accountId, characterId: c.id, code });

describe("promo codes", () => {
  it("are stored and compared trimmed and case-insensitively; a second code with the same text is refused", async () => {
    const text = unique("spring");
    const created = await createPromoCode(
      db.client,
      {
        code: `  ${text} `,
        kind: "multi_use",
        maxUses: 5,
        rewards: [{ kind: "currency", currency: "bonus", amount: 50n }],
      },
      opts,
    );
    expect(created.code).toBe(text.toUpperCase());
    await expectDbError(
      createPromoCode(db.client, { code: text.toLowerCase(), kind: "single_use", rewards: [{ kind: "currency", currency: "bonus", amount: 1n }] }, opts),
      "PROMO_CODE_TAKEN",
    );
    const c = await buyer(db, opts);
    const { result, events } = await redeem(c, ` ${text.toLowerCase()}  `);
    expect(result).toMatchObject({ codeId: created.id, code: text.toUpperCase() });
    expect(events.map((e) => e.kind)).toEqual(["currency.changed", "promo.redeemed"]);
    expect((await getBalances(db.client, { accountId: c.accountId })).bonus).toBe(50n);
    expect((await getPromoCode(db.client, { code: text }))?.uses).toBe(1);
    expect((await listPromoCodes(db.client)).map((p) => p.code)).toContain(text.toUpperCase());
    // With a key, the same code in another case or spacing is the same request: it replays.
    const other = await buyer(db, opts);
    const key = unique("redeem-key");
    await expect(redeem(other, text.toUpperCase(), { idempotencyKey: key })).resolves.toMatchObject({ replayed: false });
    await expect(redeem(other, `  ${text.toLowerCase()}`, { idempotencyKey: key })).resolves.toMatchObject({ replayed: true });
    expect((await getBalances(db.client, { accountId: other.accountId })).bonus).toBe(50n);
  });

  it("single use: once in total", async () => {
    const code = unique("single");
    await createPromoCode(db.client, { code, kind: "single_use", rewards: [{ kind: "mount", mountId: 1001 }] }, opts);
    const [a, b] = [await buyer(db, opts), await buyer(db, opts)];
    await redeem(a, code);
    expect(await getAccountCollection(db.client, { accountId: a.accountId })).toEqual([
      expect.objectContaining({ collectibleId: 1001, unlockSource: "promo" }),
    ]);
    await expectDbError(redeem(b, code), "PROMO_CODE_EXHAUSTED");
    await expectDbError(redeem(a, code), "PROMO_CODE_ALREADY_REDEEMED");
  });

  it("per account: once per account, with an optional total cap", async () => {
    const code = unique("each");
    await createPromoCode(
      db.client,
      {
        code,
        kind: "per_account",
        maxUses: 2,
        rewards: [
          { kind: "pet", petId: 2001 },
          { kind: "title", titleId: 5001 },
        ],
      },
      opts,
    );
    const [a, b, c] = [await buyer(db, opts), await buyer(db, opts), await buyer(db, opts)];
    const { events } = await redeem(a, code);
    expect(events.map((e) => e.kind)).toEqual(["collection.unlocked", "title.granted", "promo.redeemed"]);
    expect((await listAccountTitles(db.client, { accountId: a.accountId })).map((t) => t.source)).toEqual(["promo"]);
    await expectDbError(redeem(a, code), "PROMO_CODE_ALREADY_REDEEMED");
    await redeem(b, code);
    await expectDbError(redeem(c, code), "PROMO_CODE_EXHAUSTED");
  });

  it("grants a vanity pet to the account (source promo) with its event, once", async () => {
    const code = unique("pell");
    await createPromoCode(db.client, { code, kind: "per_account", rewards: [{ kind: "vanity_pet", vanityPetId: 3001 }] }, opts);
    const a = await buyer(db, opts);
    const { result, events } = await redeem(a, code);
    expect(result.rewards).toEqual([{ kind: "vanity_pet", vanityPetId: 3001 }]);
    expect(events[0]).toEqual({
      kind: "collection.unlocked",
      accountId: a.accountId,
      characterId: a.id,
      scope: "account",
      collectibleType: "vanity_pet",
      collectibleId: 3001,
      source: "promo",
    });
    expect(await getAccountCollection(db.client, { accountId: a.accountId })).toEqual([
      expect.objectContaining({ collectibleType: "vanity_pet", collectibleId: 3001, unlockSource: "promo" }),
    ]);
    await expectDbError(redeem(a, code), "PROMO_CODE_ALREADY_REDEEMED");
    expect(await db.client.accountCollection.count({ where: { accountId: a.accountId } })).toBe(1);
  });

  it("grants gold and items to the character, and an offer's grants", async () => {
    const code = unique("kit");
    await createPromoCode(
      db.client,
      {
        code,
        kind: "multi_use",
        maxUses: 10,
        rewards: [
          { kind: "currency", currency: "gold", amount: 1234n },
          { kind: "item", itemId: 40001, count: 2 },
          { kind: "offer", offerId: 401 },
        ],
      },
      opts,
    );
    const c = await buyer(db, opts);
    await redeem(c, code);
    expect((await getBalances(db.client, { accountId: c.accountId, characterId: c.id })).gold).toBe(1234n);
    expect(await getItemCount(db.client, { characterId: c.id, itemId: 40001 })).toBe(3);
    await expectDbError(redeemPromoCode(db.client, { ...opts, accountId: (await buyer(db, opts)).accountId, code }), "STORE_CHARACTER_REQUIRED");
    expect((await getPromoCode(db.client, { code }))?.uses).toBe(1);
  });

  it("refuses a code nobody could redeem: an unknown reward or an expiry already past", async () => {
    const code = unique("broken");
    const make = (rewards: Parameters<typeof createPromoCode>[1]["rewards"], more: Partial<Parameters<typeof createPromoCode>[1]> = {}) =>
      createPromoCode(db.client, { code, kind: "single_use", rewards, ...more }, opts);
    await expectDbError(make([{ kind: "mount", mountId: 999_999 }]), "UNKNOWN_GAME_DATA");
    await expectDbError(make([{ kind: "pet", petId: 999_999 }]), "UNKNOWN_GAME_DATA");
    await expectDbError(make([{ kind: "vanity_pet", vanityPetId: 2001 }]), "UNKNOWN_GAME_DATA"); // a combat pet's id
    await expectDbError(make([{ kind: "title", titleId: 16_000 }]), "UNKNOWN_GAME_DATA");
    await expectDbError(make([{ kind: "item", itemId: 999_999, count: 1 }]), "UNKNOWN_GAME_DATA");
    await expectDbError(make([{ kind: "offer", offerId: 999_999 }]), "STORE_OFFER_NOT_FOUND");
    await expectDbError(
      make([{ kind: "currency", currency: "bonus", amount: 1n }], { expiresAt: new Date((opts.now ?? new Date()).getTime() - 1000) }),
      "INVALID_INPUT",
    );
    // The same reward twice would read as two and grant one: refused, amounts are added instead.
    const twice = await expectDbError(
      make([
        { kind: "pet", petId: 2001 },
        { kind: "pet", petId: 2001 },
      ]),
      "INVALID_INPUT",
    );
    expect(twice.message).toContain("lists the same reward twice");
    await expectDbError(
      make([
        { kind: "currency", currency: "bonus", amount: 1n },
        { kind: "currency", currency: "bonus", amount: 2n },
      ]),
      "INVALID_INPUT",
    );
    await expect(getPromoCode(db.client, { code })).resolves.toBeNull();
    // A code past 64 characters is told so in words, not as a validator's bound.
    const long = await expectDbError(
      createPromoCode(db.client, { code: "X".repeat(65), kind: "single_use", rewards: [{ kind: "currency", currency: "bonus", amount: 1n }] }, opts),
      "INVALID_INPUT",
    );
    expect(long.message).toContain("must be at most 64 characters");
    // Different things of one kind are fine.
    await make([
      { kind: "pet", petId: 2001 },
      { kind: "pet", petId: 2002 },
      { kind: "currency", currency: "bonus", amount: 1n },
      { kind: "currency", currency: "premium", amount: 1n },
    ]);
  });

  it("honours the start, the expiry (its last instant excluded) and disabling", async () => {
    const code = unique("window");
    const startsAt = new Date("2027-01-01T00:00:00Z");
    const expiresAt = new Date("2027-01-02T00:00:00Z");
    await createPromoCode(
      db.client,
      {
        code,
        kind: "multi_use",
        maxUses: 10,
        startsAt,
        expiresAt,
        rewards: [{ kind: "currency", currency: "premium", amount: 5n }],
      },
      { ...opts, now: new Date(startsAt.getTime() - 86_400_000) }, // made the day before it starts
    );
    const c = await buyer(db, opts);
    await expectDbError(redeem(c, code, { now: new Date(startsAt.getTime() - 1000) }), "PROMO_CODE_NOT_STARTED");
    await expectDbError(redeem(c, code, { now: expiresAt }), "PROMO_CODE_EXPIRED");
    await redeem(c, code, { now: new Date(expiresAt.getTime() - 1000) });
    await disablePromoCode(db.client, { code: code.toLowerCase() });
    await expectDbError(redeem(await buyer(db, opts), code, { now: startsAt }), "PROMO_CODE_NOT_FOUND");
  });

  it(`rate limits an account after ${PROMO_RATE_LIMIT.maxFailures} failures in ${PROMO_RATE_LIMIT.windowSeconds} s, even for a good code, until the window passes`, async () => {
    const good = unique("good");
    await createPromoCode(db.client, { code: good, kind: "multi_use", maxUses: 10, rewards: [{ kind: "currency", currency: "bonus", amount: 1n }] }, opts);
    const c = await buyer(db, opts);
    for (let i = 0; i < PROMO_RATE_LIMIT.maxFailures; i++) await expectDbError(redeem(c, `guess-${i}`), "PROMO_CODE_NOT_FOUND");
    await expectDbError(redeem(c, good), "PROMO_RATE_LIMITED");
    expect(await db.client.promoAttempt.count({ where: { accountId: c.accountId } })).toBe(PROMO_RATE_LIMIT.maxFailures);
    await redeem(await buyer(db, opts), good); // other accounts are not limited
    await redeem(c, good, { now: new Date(opts.now!.getTime() + PROMO_RATE_LIMIT.windowSeconds * 1000) });
  });

  it("re-sending a code the account already redeemed, or one used up, is not a guess: it never locks the account out", async () => {
    const mine = unique("mine");
    const gone = unique("gone");
    const good = unique("later");
    await createPromoCode(db.client, { code: mine, kind: "per_account", rewards: [{ kind: "currency", currency: "bonus", amount: 1n }] }, opts);
    await createPromoCode(db.client, { code: gone, kind: "single_use", rewards: [{ kind: "currency", currency: "bonus", amount: 1n }] }, opts);
    await createPromoCode(db.client, { code: good, kind: "multi_use", maxUses: 10, rewards: [{ kind: "currency", currency: "bonus", amount: 1n }] }, opts);
    const c = await buyer(db, opts);
    await redeem(c, mine);
    await redeem(await buyer(db, opts), gone);
    for (let i = 0; i < PROMO_RATE_LIMIT.maxFailures; i++) {
      await expectDbError(redeem(c, mine), "PROMO_CODE_ALREADY_REDEEMED");
      await expectDbError(redeem(c, gone), "PROMO_CODE_EXHAUSTED");
    }
    await redeem(c, good);
    expect(await db.client.promoAttempt.count({ where: { accountId: c.accountId } })).toBe(0);
  });

  it("a failure while granting rolls the use back", async () => {
    const code = unique("fault");
    await createPromoCode(db.client, { code, kind: "single_use", rewards: [{ kind: "mount", mountId: 1101 }] }, opts);
    const c = await buyer(db, opts);
    const faults = (step: string) => {
      if (step === "collection.unlocked") throw new Error("fault");
    };
    await expect(redeem(c, code, { faults })).rejects.toThrow("fault");
    expect((await getPromoCode(db.client, { code }))?.uses).toBe(0);
    expect(await getCharacterCollection(db.client, { characterId: c.id })).toEqual([]);
    await redeem(c, code);
  });
});
