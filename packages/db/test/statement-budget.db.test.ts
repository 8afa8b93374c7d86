// Hot paths in as few statements as their guarantees allow: each is a database round trip, and on
// the embedded database one statement at a time. Counted per Prisma operation ($queryRaw and
// model calls), inside the action's transaction (BEGIN and COMMIT come on top). The NOTIFY that
// announces an action's events after its commit (announceEvents) is counted apart.
import { storeCatalogOf } from "@bezgelor/data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  awardReputation,
  buyFromVendor,
  deductCurrency,
  grantCurrency,
  importStoreCatalog,
  purchaseOffer,
  type ActionOptions,
  type Character,
  type Database,
  type PrismaClient,
} from "../src/index.js";
import { announcementsSettled, createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";

let db: Database;
let counted: PrismaClient;
let statements = 0;
let announcements = 0;
let opts: ActionOptions;
let c: Character;

beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions({ now: new Date("2026-11-30T12:00:00Z") });
  counted = db.client.$extends({
    query: {
      async $allOperations({ operation, args, query }) {
        if (operation === "$executeRaw" && (args as { strings?: string[] }).strings?.[0] === "SELECT pg_notify(") announcements += 1;
        else statements += 1;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  await importStoreCatalog(db.client, { catalog: storeCatalogOf(opts.rules.data) });
  c = await makeCharacter(db.client);
  for (const currency of ["premium", "bonus"] as const) {
    await grantCurrency(db.client, { ...opts, currency, accountId: c.accountId, amount: 1_000_000n, reason: "funds", source: "admin" });
  }
  await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 1_000_000n, reason: "funds", source: "admin" });
});
afterAll(() => db.close());

/** The statements `fn` sent; also checks that its events were announced once, after it. */
async function count(fn: () => Promise<unknown>): Promise<number> {
  await announcementsSettled(counted);
  statements = 0;
  announcements = 0;
  await fn();
  await announcementsSettled(counted);
  expect(announcements).toBe(1);
  return statements;
}

describe("statements per action", () => {
  it("a balance change: the guarded update with its ledger row, then the events", async () => {
    const grant = { ...opts, currency: "gold" as const, characterId: c.id, amount: 5n, reason: "budget", source: "admin" as const };
    expect(await count(() => grantCurrency(counted, grant))).toBe(2);
    // With a key: its claim first; its result is stored with the events.
    expect(await count(() => grantCurrency(counted, { ...grant, idempotencyKey: `budget-${c.id}-${Date.now()}` }))).toBe(3);
    const premium = { ...opts, currency: "premium" as const, accountId: c.accountId, amount: 1n, reason: "budget", source: "admin" as const };
    expect(await count(() => deductCurrency(counted, premium))).toBe(2);
  });

  it("a vendor purchase: the gold, ledger row, items and events in one statement, after the standings at a faction's vendor", async () => {
    const buy = { ...opts, vendorId: 8003, itemId: 30010, quantity: 1, characterId: c.id };
    expect(await count(() => buyFromVendor(counted, buy))).toBeLessThanOrEqual(1);
    // At a faction's vendor the standings are read first, share-locked (they decide the price).
    await awardReputation(db.client, { ...opts, characterId: c.id, changes: [{ factionId: 166, delta: 3000 }], source: "kill" });
    expect(await count(() => buyFromVendor(counted, { ...buy, vendorId: 8001, itemId: 30001 }))).toBeLessThanOrEqual(2);
  });

  it("a store purchase and a reputation award stay within their budgets", async () => {
    // The account's lock; the offer's, read with the pricing context and the VIP spend; the debit,
    // the units sold, the purchase, the grant (a currency pack), the transaction record and the
    // events. Nothing reads ownership: currency and items are never owned.
    expect(await count(() => purchaseOffer(counted, { ...opts, accountId: c.accountId, offerId: 601, currency: "bonus", price: 1000n }))).toBeLessThanOrEqual(
      10,
    );
    // As the client buys: with its character (read with the account's lock) and its transaction id
    // as the key (claimed first); an item to the character, in premium (the VIP tier after it is
    // computed, not read again).
    const asClient = { ...opts, accountId: c.accountId, characterId: c.id, offerId: 802, currency: "premium" as const, idempotencyKey: `budget-802-${c.id}` };
    expect(await count(() => purchaseOffer(counted, asClient))).toBeLessThanOrEqual(9);
    expect(
      await count(() => awardReputation(counted, { ...opts, characterId: c.id, changes: [{ factionId: 166, delta: 10 }], source: "kill" })),
    ).toBeLessThanOrEqual(5);
  });
});
