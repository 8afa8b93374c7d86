// A promotion or daily deal takes 1..100 % off: 0 % is no discount and is refused (INVALID_INPUT,
// nothing written). A 0 % row written before that rule (the tables' CHECK still allows it) stays
// readable, prices nothing, and a deal's date can be set again with a real percent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPromotion, DB_ERROR_CODES, listDailyDeals, listPromotions, previewOffer, setDailyDeal, type Database } from "../src/index.js";
import type { GameData } from "@bezgelor/data";
import { expectDbError } from "./expect-db-error.js";
import { makeOffer, storeDatabase } from "./store-support.js";

const now = new Date("2026-11-30T12:00:00Z");
let db: Database;
let data: GameData;
beforeAll(async () => {
  const made = await storeDatabase(now);
  db = made.db;
  data = made.opts.rules.data;
});
afterAll(() => db.close());

const window = { startsAt: new Date("2026-11-01T00:00:00Z"), endsAt: new Date("2027-01-01T00:00:00Z") };

describe("the percent of a promotion or daily deal", () => {
  it("refuses 0 % (and 101 %) with INVALID_INPUT naming the range, and writes nothing; 1 and 100 are taken", async () => {
    const offerId = await makeOffer(db);
    const zero = await expectDbError(
      createPromotion(db.client, { name: "Nothing", percent: 0, ...window, scope: { kind: "offer", offerId } }),
      DB_ERROR_CODES.INVALID_INPUT,
    );
    expect(zero.message).toContain("percent");
    expect(zero.message).toContain("a 0 % discount is no discount");
    await expectDbError(setDailyDeal(db.client, { date: "2026-12-24", offerId, percent: 0 }), DB_ERROR_CODES.INVALID_INPUT);
    await expectDbError(setDailyDeal(db.client, { date: "2026-12-24", offerId, percent: 101 }), DB_ERROR_CODES.INVALID_INPUT);
    expect(await db.client.storePromotion.count({ where: { name: "Nothing" } })).toBe(0);
    expect(await listDailyDeals(db.client, { from: "2026-12-24" })).toEqual([]);
    expect(await createPromotion(db.client, { name: "Least", percent: 1, ...window, scope: { kind: "offer", offerId } })).toMatchObject({ percent: 1 });
    expect(await setDailyDeal(db.client, { date: "2026-12-25", offerId, percent: 100 })).toMatchObject({ percent: 100 });
  });

  it("leaves a 0 % row from before the rule readable and pricing nothing, and a 0 % deal's date can be set again", async () => {
    const offerId = await makeOffer(db, { pricePremium: 200n });
    const today = now.toISOString().slice(0, 10);
    // Written as an older server (or by hand) could: the CHECK allows 0..100.
    await db.client.storePromotion.create({ data: { name: "Old zero", percent: 0, ...window, scope: "offer", scopeId: offerId } });
    await db.client.storeDailyDeal.create({ data: { dealDate: new Date(`${today}T00:00:00Z`), offerId, percent: 0 } });
    expect((await listPromotions(db.client, { activeAt: now })).filter((p) => p.name === "Old zero")).toMatchObject([{ percent: 0 }]);
    const preview = await previewOffer(db.client, { data, offerId, currency: "premium", now });
    expect(preview).toMatchObject({ basePrice: 200n, finalPrice: 200n, applied: null, discounts: [] });
    expect(await setDailyDeal(db.client, { date: today, offerId, percent: 25 })).toMatchObject({ percent: 25 });
    expect((await previewOffer(db.client, { data, offerId, currency: "premium", now })).finalPrice).toBe(150n);
  });
});
