// An admin edit that asks for what the offer or rate already has changes nothing: the version (the
// optimistic-concurrency token other admins hold) stays, no store_admin_edits row and no
// store.catalog-changed event claim a change, the offer stays the import's, and the result says
// `changed: false`. A stale version is still refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restockOffer, setExchangeRate, setOfferAvailability, setOfferPrice, type ActionOptions, type Database } from "../src/index.js";
import { expectDbError } from "./expect-db-error.js";
import { makeOffer, storeDatabase } from "./store-support.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => ({ db, opts } = await storeDatabase()));
afterAll(() => db.close());

/** What a no-op must leave as it was: the offer's row, its edit log and the catalog events. */
async function trail(offerId: number) {
  return {
    row: await db.client.storeOffer.findUniqueOrThrow({ where: { id: offerId }, select: { version: true, origin: true, available: true, featured: true } }),
    edits: await db.client.storeAdminEdit.count({ where: { offerId } }),
    events: await db.client.gameEvent.count({ where: { kind: "store.catalog-changed" } }),
  };
}

describe("an admin edit that changes nothing", () => {
  it("keeps the offer's version when it is made unavailable twice, and says so", async () => {
    const offerId = await makeOffer(db);
    const first = await setOfferAvailability(db.client, { ...opts, offerId, available: false, expectedVersion: 1 });
    expect(first.result).toMatchObject({ available: false, version: 2, changed: true });
    const before = await trail(offerId);
    const again = await setOfferAvailability(db.client, { ...opts, offerId, available: false, expectedVersion: 2 });
    expect(again.result).toMatchObject({ available: false, version: 2, changed: false });
    expect(again.events).toEqual([]);
    expect(await trail(offerId)).toEqual(before);
    // Featured too: the same pair is no change, another featured is one.
    expect((await setOfferAvailability(db.client, { ...opts, offerId, available: false, featured: false, expectedVersion: 2 })).result.changed).toBe(false);
    expect((await setOfferAvailability(db.client, { ...opts, offerId, available: false, featured: true, expectedVersion: 2 })).result).toMatchObject({
      version: 3,
      changed: true,
    });
  });

  it("still refuses a stale version, even for an edit that would change nothing", async () => {
    const offerId = await makeOffer(db);
    await setOfferAvailability(db.client, { ...opts, offerId, available: false, expectedVersion: 1 });
    const stale = await expectDbError(setOfferAvailability(db.client, { ...opts, offerId, available: false, expectedVersion: 1 }), "STORE_VERSION_CONFLICT");
    expect(stale.details).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
  });

  it("keeps an imported offer the import's when its price, or its unlimited stock, is set to what it is", async () => {
    const offerId = await makeOffer(db, { priceGold: null });
    await db.client.storeOffer.update({ where: { id: offerId }, data: { origin: "import" } });
    const before = await trail(offerId);
    const price = await setOfferPrice(db.client, { ...opts, offerId, currency: "premium", price: 100n, expectedVersion: 1 });
    expect(price.result).toMatchObject({ prices: { premium: 100n }, version: 1, origin: "import", changed: false });
    const none = await setOfferPrice(db.client, { ...opts, offerId, currency: "gold", price: null, expectedVersion: 1 });
    expect(none.result).toMatchObject({ version: 1, changed: false });
    const unlimited = await restockOffer(db.client, { ...opts, offerId, unlimited: true, expectedVersion: 1 });
    expect(unlimited.result).toMatchObject({ stock: null, version: 1, changed: false });
    expect([price.events, none.events, unlimited.events]).toEqual([[], [], []]);
    expect(await trail(offerId)).toEqual(before);
    // A real change still bumps the version and makes the offer the operator's.
    expect((await setOfferPrice(db.client, { ...opts, offerId, currency: "premium", price: 90n, expectedVersion: 1 })).result).toMatchObject({
      version: 2,
      origin: "operator",
      changed: true,
    });
  });

  it("keeps a rate's version when it is set to the numerator and denominator it has", async () => {
    const set = (numerator: bigint, denominator: bigint, expectedVersion: number) =>
      setExchangeRate(db.client, { ...opts, from: "bonus", to: "gold", numerator, denominator, expectedVersion });
    expect((await set(7n, 2n, 0)).result).toMatchObject({ version: 1, changed: true });
    const edits = () => db.client.storeAdminEdit.count({ where: { rateKey: "bonus->gold" } });
    const events = () => db.client.gameEvent.count({ where: { kind: "store.catalog-changed" } });
    const before = [await edits(), await events()];
    const again = await set(7n, 2n, 1);
    expect(again.result).toMatchObject({ numerator: 7n, denominator: 2n, version: 1, changed: false });
    expect(again.events).toEqual([]);
    expect([await edits(), await events()]).toEqual(before);
    expect(
      (await db.client.storeExchangeRate.findUniqueOrThrow({ where: { fromCurrency_toCurrency: { fromCurrency: "bonus", toCurrency: "gold" } } })).version,
    ).toBe(1);
    await expectDbError(set(7n, 2n, 0), "STORE_VERSION_CONFLICT");
    expect((await set(14n, 4n, 1)).result).toMatchObject({ version: 2, changed: true });
  });
});
