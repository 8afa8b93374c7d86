import { describe, expect, it } from "vitest";
import { discountAmount, priceOffer, type PriceOfferInput, type StorePromotion } from "./price-offer";

const offer = { id: 101, categoryId: 2, prices: { premium: 500n, gold: 250_000n } };
const parents = new Map<number, number | null>([
  [1, null],
  [2, 1],
  [3, null],
]);
const start = new Date("2026-12-01T00:00:00.000Z");
const end = new Date("2026-12-08T00:00:00.000Z");
const promo = (over: Partial<StorePromotion> = {}): StorePromotion => ({
  id: 1,
  name: "Winter",
  percent: 20,
  startsAt: start,
  endsAt: end,
  scope: { kind: "all" },
  ...over,
});
const base: PriceOfferInput = { offer, currency: "premium", now: start, promotions: [], deal: null, categoryParents: parents };

function price(over: Partial<PriceOfferInput>) {
  const result = priceOffer({ ...base, ...over });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe("priceOffer", () => {
  it("charges the base price without discounts", () => {
    expect(price({})).toMatchObject({ basePrice: 500n, finalPrice: 500n, applied: null, discounts: [] });
  });

  it("refuses a currency the offer is not sold in", () => {
    expect(priceOffer({ ...base, currency: "bonus" })).toEqual({ ok: false, reason: "not-priced-in-currency", currency: "bonus" });
  });

  it("applies a promotion from its first second to its last, not at its end", () => {
    const promotions = [promo()];
    expect(price({ promotions, now: new Date(start.getTime() - 1000) }).finalPrice).toBe(500n);
    expect(price({ promotions, now: start }).finalPrice).toBe(400n);
    expect(price({ promotions, now: new Date(end.getTime() - 1000) }).finalPrice).toBe(400n);
    expect(price({ promotions, now: end }).finalPrice).toBe(500n);
  });

  it("ignores a 0 % promotion or deal left from before 0 % was refused (no discount, not listed); 100 % is free", () => {
    const zero = price({ promotions: [promo({ percent: 0 })], deal: { date: "2026-12-01", offerId: 101, percent: 0 } });
    expect(zero).toMatchObject({ finalPrice: 500n, applied: null, discounts: [] });
    expect(price({ promotions: [promo({ percent: 100 })] }).finalPrice).toBe(0n);
  });

  it("rounds the discount down, so the price rounds up", () => {
    expect(discountAmount(999n, 33)).toBe(329n); // 329.67
    expect(price({ offer: { ...offer, prices: { premium: 999n } }, promotions: [promo({ percent: 33 })] }).finalPrice).toBe(670n);
    const one = { ...offer, prices: { premium: 1n } };
    expect(price({ offer: one, promotions: [promo({ percent: 99 })] }).finalPrice).toBe(1n);
    expect(price({ offer: one, promotions: [promo({ percent: 50 })] }).finalPrice).toBe(1n);
    expect(price({ offer: one, promotions: [promo({ percent: 100 })] }).finalPrice).toBe(0n);
  });

  it("scopes promotions to an offer, a category with its subcategories, or everything", () => {
    expect(price({ promotions: [promo({ scope: { kind: "offer", offerId: 101 } })] }).finalPrice).toBe(400n);
    expect(price({ promotions: [promo({ scope: { kind: "offer", offerId: 102 } })] }).finalPrice).toBe(500n);
    expect(price({ promotions: [promo({ scope: { kind: "category", categoryId: 1 } })] }).finalPrice).toBe(400n); // parent of 2
    expect(price({ promotions: [promo({ scope: { kind: "category", categoryId: 2 } })] }).finalPrice).toBe(400n);
    expect(price({ promotions: [promo({ scope: { kind: "category", categoryId: 3 } })] }).finalPrice).toBe(500n);
  });

  it("applies the best single discount, never both, and lists each with its source", () => {
    const result = price({
      promotions: [promo({ id: 1, percent: 10 }), promo({ id: 2, name: "Big", percent: 30 })],
      deal: { date: "2026-12-01", offerId: 101, percent: 25 },
    });
    expect(result.finalPrice).toBe(350n);
    expect(result.applied?.source).toEqual({ kind: "promotion", promotionId: 2, name: "Big" });
    expect(result.discounts.map((d) => d.percent)).toEqual([30, 25, 10]);
  });

  it("applies the daily deal only on its UTC date and only to its offer, ending at UTC midnight", () => {
    const deal = { date: "2026-12-01", offerId: 101, percent: 50 };
    expect(price({ deal, now: new Date("2026-11-30T23:59:59.000Z") }).finalPrice).toBe(500n);
    const first = price({ deal, now: new Date("2026-12-01T00:00:00.000Z") });
    expect(first.finalPrice).toBe(250n);
    expect(first.applied?.endsAt).toEqual(new Date("2026-12-02T00:00:00.000Z"));
    expect(price({ deal, now: new Date("2026-12-01T23:59:59.000Z") }).finalPrice).toBe(250n);
    expect(price({ deal, now: new Date("2026-12-02T00:00:00.000Z") }).finalPrice).toBe(500n);
    expect(price({ deal: { ...deal, offerId: 102 } }).finalPrice).toBe(500n);
  });

  it("prefers the daily deal on a tie", () => {
    const result = price({ promotions: [promo({ percent: 50 })], deal: { date: "2026-12-01", offerId: 101, percent: 50 } });
    expect(result.applied?.source.kind).toBe("daily-deal");
  });

  it("prices gold the same way", () => {
    expect(price({ currency: "gold", promotions: [promo()] }).finalPrice).toBe(200_000n);
  });
});
