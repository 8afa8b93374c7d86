// Shared set-up of the storefront tests: a database with the shipped catalog imported, buyers with
// balances, and friendships made through the real friend actions.
import { FRIENDSHIP_RESPONSE, FRIENDSHIP_TYPE } from "@bezgelor/core";
import { storeCatalogOf } from "@bezgelor/data";
import { addFriend, grantCurrency, importStoreCatalog, respondToFriendInvite, type ActionOptions, type Character, type Database } from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";

/** A test database with the shipped store catalog imported, and action options at a fixed `now`. */
export async function storeDatabase(now = new Date("2026-11-30T12:00:00Z")): Promise<{ db: Database; opts: ActionOptions }> {
  const db = await createTestDatabase();
  const opts = await testActionOptions({ now });
  await importStoreCatalog(db.client, { catalog: storeCatalogOf(opts.rules.data) });
  return { db, opts };
}

/** A new character whose account holds `premium` and `bonus`, and who holds `gold`. */
export async function buyer(db: Database, opts: ActionOptions, funds: { premium?: bigint; bonus?: bigint; gold?: bigint } = {}): Promise<Character> {
  const c = await makeCharacter(db.client);
  for (const currency of ["premium", "bonus"] as const) {
    const amount = funds[currency];
    if (amount) await grantCurrency(db.client, { ...opts, currency, accountId: c.accountId, amount, reason: "test funds", source: "admin" });
  }
  if (funds.gold) await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: funds.gold, reason: "test funds", source: "admin" });
  return c;
}

/** Makes `a` and `b` mutual friends (invite, accept). */
export async function befriend(db: Database, opts: ActionOptions, a: Character, b: Character): Promise<void> {
  const sent = await addFriend(db.client, { ...opts, characterId: a.id, name: b.name, type: FRIENDSHIP_TYPE.Friend, note: "" });
  if (sent.result.outcome !== "invited") throw new Error(`expected an invite, got ${sent.result.outcome}`);
  await respondToFriendInvite(db.client, { ...opts, characterId: b.id, inviteId: sent.result.inviteId, response: FRIENDSHIP_RESPONSE.Accept });
}

let nextOfferId = 9000;

/** A new operator offer in category 8 (Supplies) granting item 30010 (Minor Healing Potion): unique per test, so tests never share its stock or sales. */
export async function makeOffer(
  db: Database,
  over: Partial<{
    pricePremium: bigint | null;
    priceBonus: bigint | null;
    priceGold: bigint | null;
    stock: number | null;
    demandRateBp: number | null;
    demandCapPercent: number | null;
    limitPeriod: string | null;
    limitCount: number | null;
    maxQuantity: number;
    categoryId: number;
  }> = {},
): Promise<number> {
  const id = nextOfferId++;
  await db.client.storeOffer.create({
    data: {
      id,
      categoryId: 8,
      name: `Test offer ${id}`,
      kind: "bundle",
      grants: [{ kind: "item", itemId: 30010, count: 1 }],
      pricePremium: 100n,
      accountWide: false,
      maxQuantity: 20,
      ...over,
    },
  });
  return id;
}
