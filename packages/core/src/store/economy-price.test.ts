// The economy's pricing math (issue 12): demand, exchange, quantity and VIP in priceOffer's one
// order with its one rounding rule, including the seed's "pricing math" and "VIP discount" cases.
import { MAX_STORE_PRICE, type VipTier } from "@bezgelor/data";
import { describe, expect, it } from "vitest";
import { demandUnitPrice } from "./demand";
import { convertAmount, type ExchangeRate } from "./exchange";
import { priceOffer, type PriceOfferInput, type StorePromotion } from "./price-offer";
import { purchaseLimitWindowStart } from "./purchase-limit";
import { vipPercentFor, vipTierFor, vipTiersUpTo } from "./vip";

const now = new Date("2026-12-01T12:00:00.000Z");
const parents = new Map<number, number | null>([
  [1, null],
  [2, 1],
  [8, null],
]);
const tier = (over: Partial<VipTier> & Pick<VipTier, "id" | "lifetimePremiumSpend">): VipTier => ({
  name: `Tier ${over.id}`,
  discountPercent: 0,
  categoryDiscounts: [],
  rewards: [],
  ...over,
});
const tiers = [
  tier({ id: 1, lifetimePremiumSpend: 1000n, discountPercent: 2 }),
  tier({ id: 2, lifetimePremiumSpend: 5000n, discountPercent: 5, categoryDiscounts: [{ categoryId: 1, percent: 10 }] }),
  tier({ id: 3, lifetimePremiumSpend: 20000n, discountPercent: 10 }),
];
const scroll = { id: 802, categoryId: 8, prices: { premium: 50n }, demand: { ratePerUnitBp: 10, capPercent: 200 } };
const base: PriceOfferInput = { offer: scroll, currency: "premium", now, promotions: [], deal: null, categoryParents: parents };
const promo: StorePromotion = { id: 1, name: "Sale", percent: 20, startsAt: new Date(0), endsAt: new Date("2027-01-01T00:00:00Z"), scope: { kind: "all" } };
const premiumToGold: ExchangeRate = { from: "premium", to: "gold", numerator: 1000n, denominator: 3n, version: 2 };

function price(over: Partial<PriceOfferInput>) {
  const result = priceOffer({ ...base, ...over });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe("demand pricing", () => {
  it("rises linearly with the units sold, rounds up and stops at the cap", () => {
    const demand = { ratePerUnitBp: 10, capPercent: 200 };
    expect(demandUnitPrice(50n, demand, 0n)).toBe(50n);
    expect(demandUnitPrice(50n, demand, 1n)).toBe(51n); // 50.05 rounds up
    expect(demandUnitPrice(1000n, demand, 1n)).toBe(1001n); // the seed's 0.1 % per purchase
    expect(demandUnitPrice(1000n, demand, 500n)).toBe(1500n);
    expect(demandUnitPrice(1000n, demand, 1000n)).toBe(2000n);
    expect(demandUnitPrice(1000n, demand, 5000n)).toBe(2000n); // capped at 200 %
    expect(demandUnitPrice(1000n, null, 5000n)).toBe(1000n);
  });

  it("is the seed's treasure chest: 2 % per purchase of 500 gold", () => {
    const chest = { ratePerUnitBp: 200, capPercent: 300 };
    expect([0n, 1n, 2n, 10n, 100n, 101n].map((n) => demandUnitPrice(500n, chest, n))).toEqual([500n, 510n, 520n, 600n, 1500n, 1500n]);
  });

  it("charges each unit of a quantity at its own place in the sequence", () => {
    const bought = price({ sold: 9n, quantity: 3 });
    expect(bought.units.map((u) => [u.place, u.price])).toEqual([
      [9n, 51n],
      [10n, 51n],
      [11n, 51n],
    ]);
    expect(bought.finalPrice).toBe(153n);
    expect(bought.unitPrice).toBe(51n);
    const big = price({ offer: { ...scroll, prices: { premium: 1000n } }, sold: 0n, quantity: 4 });
    expect(big.units.map((u) => u.price)).toEqual([1000n, 1001n, 1002n, 1003n]);
    expect(big.finalPrice).toBe(4006n);
  });

  it("prices one unit by default and counts a quantity below 1 as 1", () => {
    expect(price({}).quantity).toBe(1);
    expect(price({ quantity: 0 }).finalPrice).toBe(50n);
  });
});

describe("exchange", () => {
  it("converts an offer's own price through an admin rate, rounding up", () => {
    expect(convertAmount(50n, premiumToGold)).toBe(16_667n); // 16 666.67
    const gold = price({ currency: "gold", exchangeRates: [premiumToGold] });
    expect(gold).toMatchObject({ sourceCurrency: "premium", basePrice: 50n, exchange: premiumToGold, finalPrice: 16_667n });
  });

  it("prefers the offer's own price in the currency, and refuses without a price or a rate", () => {
    const own = price({ offer: { ...scroll, prices: { premium: 50n, gold: 9000n } }, currency: "gold", exchangeRates: [premiumToGold] });
    expect(own).toMatchObject({ sourceCurrency: "gold", exchange: null, finalPrice: 9000n });
    expect(priceOffer({ ...base, currency: "bonus", exchangeRates: [premiumToGold] })).toEqual({
      ok: false,
      reason: "not-priced-in-currency",
      currency: "bonus",
    });
  });

  it("refuses a currency in which a unit would cost more than the client's price shows exactly (MAX_STORE_PRICE)", () => {
    const steep: ExchangeRate = { ...premiumToGold, numerator: 2_147_483_647n, denominator: 1n };
    expect(priceOffer({ ...base, currency: "gold", exchangeRates: [steep] })).toEqual({ ok: false, reason: "price-too-high", currency: "gold" });
    // At the limit itself the price is still exact, and offered.
    const exact: ExchangeRate = { ...premiumToGold, numerator: MAX_STORE_PRICE, denominator: 1n };
    const atLimit = priceOffer({ ...base, offer: { ...scroll, prices: { premium: 1n } }, currency: "gold", exchangeRates: [exact] });
    expect(atLimit).toMatchObject({ ok: true, unitPrice: MAX_STORE_PRICE });
  });

  it("applies demand before the exchange and discounts after it", () => {
    const result = price({ currency: "gold", exchangeRates: [premiumToGold], sold: 10n, promotions: [promo] });
    const unit = result.units[0]!;
    expect(unit.demandPrice).toBe(51n);
    expect(unit.converted).toBe(17_000n);
    expect(unit.promotionDiscount).toBe(3_400n);
    expect(result.finalPrice).toBe(13_600n);
  });
});

describe("VIP", () => {
  it("finds the tier by lifetime premium spend, or the one an admin set", () => {
    expect(vipTierFor(tiers, 999n)).toBeNull();
    expect(vipTierFor(tiers, 1000n)?.id).toBe(1);
    expect(vipTierFor(tiers, 19_999n)?.id).toBe(2);
    expect(vipTierFor(tiers, 10n ** 9n)?.id).toBe(3);
    expect(vipTierFor(tiers, 0n, 3)?.id).toBe(3);
    expect(vipTierFor(tiers, 10n ** 9n, 0)).toBeNull(); // an admin may take a tier away
    expect(vipTiersUpTo(tiers, tiers[1]!).map((t) => t.id)).toEqual([1, 2]);
  });

  it("takes the nearest category's percent, else the tier's own", () => {
    expect(vipPercentFor(tiers[1]!, 2, parents)).toBe(10); // category 2 is under 1
    expect(vipPercentFor(tiers[1]!, 8, parents)).toBe(5);
  });

  it("is the seed's VIP discount: 10 % off a 1000 price is 900", () => {
    const result = price({ offer: { ...scroll, prices: { premium: 1000n }, demand: null }, vip: tiers[2]! });
    expect(result).toMatchObject({ finalPrice: 900n, vip: { tier: 3, name: "Tier 3", percent: 10 } });
  });

  it("multiplies with a promotion, after it, each rounded in the store's favour", () => {
    const result = price({ offer: { ...scroll, prices: { premium: 999n }, demand: null }, promotions: [promo], vip: tiers[1]! });
    const unit = result.units[0]!;
    expect(unit.promotionDiscount).toBe(199n); // floor(199.8)
    expect(unit.vipDiscount).toBe(40n); // floor(800 * 5 %) = 40
    expect(result.finalPrice).toBe(760n);
    expect(price({ offer: { ...scroll, prices: { premium: 1n }, demand: null }, vip: tiers[2]! }).finalPrice).toBe(1n);
  });

  it("is the seed's pricing math: inflation, then VIP, per unit", () => {
    // 100 sold of a 200-premium offer at 0.5 % per unit: 300 (cap 150 % = 300), VIP 5 %: 285.
    const charm = { id: 803, categoryId: 8, prices: { premium: 200n }, demand: { ratePerUnitBp: 50, capPercent: 150 } };
    expect(price({ offer: charm, sold: 20n, vip: tiers[1]! }).finalPrice).toBe(209n); // 220 - 11
    expect(price({ offer: charm, sold: 100n, vip: tiers[1]! }).finalPrice).toBe(285n);
  });
});

describe("purchase limit windows", () => {
  it("starts at UTC midnight, on Monday for weeks, and never for a lifetime", () => {
    const wednesday = new Date("2026-12-02T23:59:59.000Z");
    expect(purchaseLimitWindowStart("daily", wednesday)).toEqual(new Date("2026-12-02T00:00:00.000Z"));
    expect(purchaseLimitWindowStart("weekly", wednesday)).toEqual(new Date("2026-11-30T00:00:00.000Z"));
    expect(purchaseLimitWindowStart("weekly", new Date("2026-12-06T10:00:00.000Z"))).toEqual(new Date("2026-11-30T00:00:00.000Z"));
    expect(purchaseLimitWindowStart("weekly", new Date("2026-11-30T00:00:00.000Z"))).toEqual(new Date("2026-11-30T00:00:00.000Z"));
    expect(purchaseLimitWindowStart("lifetime", wednesday)).toBeNull();
  });
});
