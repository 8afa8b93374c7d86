// The catalog as the store packets show it: visible categories with their sibling positions,
// available offers with every price from the same pricing the purchase charges with.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPromotion,
  DB_ERROR_CODES,
  getStoreCatalog,
  listDailyDeals,
  previewOffer,
  setDailyDeal,
  setOfferAvailability,
  type Database,
} from "../src/index.js";
import { makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";
import { storeDatabase } from "./store-support.js";

const now = new Date("2026-11-30T12:00:00Z");
let db: Database;
beforeAll(async () => ({ db } = await storeDatabase(now)));
afterAll(() => db.close());

describe("getStoreCatalog", () => {
  it("lists visible categories by sort order with their position among siblings, and available offers featured first", async () => {
    const catalog = await getStoreCatalog(db.client, { now });
    expect(catalog.categories.map((c) => [c.id, c.parentId, c.index])).toEqual([
      [1, null, 1],
      [2, 1, 1],
      [3, null, 2],
      [4, null, 3],
      [5, null, 4],
      [6, null, 5],
      [7, null, 6],
      [8, null, 7],
    ]);
    const woolie = catalog.offers.find((o) => o.offer.id === 101)!;
    expect(woolie.index).toBe(1);
    expect(woolie.prices.map((p) => [p.currency, p.basePrice, p.finalPrice, p.applied])).toEqual([
      ["premium", 500n, 500n, null],
      ["gold", 250000n, 250000n, null],
    ]);
  });

  it("prices every offer exactly as previewOffer (and so purchaseOffer) does, with the promotion and the day's deal", async () => {
    await createPromotion(db.client, {
      name: "Winter",
      percent: 15,
      startsAt: new Date("2026-11-30T00:00:00Z"),
      endsAt: new Date("2026-12-01T00:00:00Z"),
      scope: { kind: "category", categoryId: 1 },
    });
    await setDailyDeal(db.client, { date: "2026-11-30", offerId: 201, percent: 33 });
    const catalog = await getStoreCatalog(db.client, { now });
    const buyer = await makeCharacter(db.client);
    for (const { offer, prices } of catalog.offers) {
      for (const price of prices) {
        const preview = await previewOffer(db.client, {
          data: (await testActionOptions()).rules.data,
          accountId: buyer.accountId,
          characterId: buyer.id,
          offerId: offer.id,
          currency: price.currency,
          now,
        });
        expect([offer.id, price.currency, price.finalPrice, price.applied?.percent ?? 0]).toEqual([
          offer.id,
          price.currency,
          preview.finalPrice,
          preview.applied?.percent ?? 0,
        ]);
      }
    }
    const byId = (id: number) => catalog.offers.find((o) => o.offer.id === id)!;
    expect(byId(102).prices[0]).toMatchObject({ finalPrice: 638n, applied: { percent: 15, source: { kind: "promotion" } } });
    expect(byId(201).prices[0]).toMatchObject({ finalPrice: 201n, applied: { percent: 33, source: { kind: "daily-deal" } } });
  });

  it("leaves out unavailable offers, hidden categories, their subcategories and their offers", async () => {
    await setOfferAvailability(db.client, { ...(await testActionOptions()), offerId: 301, available: false, expectedVersion: 1 });
    await db.client.storeCategory.update({ where: { id: 1 }, data: { visible: false } });
    const catalog = await getStoreCatalog(db.client, { now });
    expect(catalog.categories.map((c) => c.id)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(catalog.categories.map((c) => c.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(catalog.offers.map((o) => o.offer.id).sort()).toEqual([201, 401, 501, 601, 801, 802, 803]);
  });
});

describe("daily deals", () => {
  it("refuse a day the calendar does not have, rather than rolling it into the next month", async () => {
    for (const date of ["2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01", "2026-2-1"]) {
      await expectDbError(setDailyDeal(db.client, { date, offerId: 201, percent: 10 }), DB_ERROR_CODES.INVALID_INPUT);
      await expectDbError(listDailyDeals(db.client, { from: date }), DB_ERROR_CODES.INVALID_INPUT);
    }
    expect((await listDailyDeals(db.client, { from: "2026-03-01" })).filter((d) => d.date < "2026-03-05")).toEqual([]);
    await setDailyDeal(db.client, { date: "2028-02-29", offerId: 201, percent: 10 });
    expect(await listDailyDeals(db.client, { from: "2028-02-29" })).toEqual([{ date: "2028-02-29", offerId: 201, percent: 10 }]);
  });
});
