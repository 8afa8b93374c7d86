import { describe, expect, it } from "vitest";
import type { StoreGrant } from "@bezgelor/data";
import { listPricesOfParts, ownedPartsDiscount, ownedShareOf } from "./bundle-parts";
import { planGrants } from "./ownership";
import { priceOffer, type PriceOfferInput } from "./price-offer";

// The shipped Starter Bundle: Woolie (sold alone at 500) and a Rowsdower Pup (300), together 700.
const woolie: StoreGrant = { kind: "mount", mountId: 1001 };
const pup: StoreGrant = { kind: "pet", petId: 2001 };
const catalog = [
  { grants: [woolie], prices: { premium: 500n, gold: 250_000n } },
  { grants: [pup], prices: { premium: 300n, gold: 100_000n } },
  { grants: [woolie, pup], prices: { premium: 700n } },
];
const listPrice = listPricesOfParts(catalog);
const bundle = { id: 501, categoryId: 6, prices: { premium: 700n } };
const owns = (mounts: number[], pets: number[] = []) => ({ mounts: new Set(mounts), pets: new Set(pets), titles: new Set<number>() });
const base: PriceOfferInput = {
  offer: bundle,
  currency: "premium",
  now: new Date("2026-12-01T00:00:00Z"),
  promotions: [],
  deal: null,
  categoryParents: new Map(),
};

function price(over: Partial<PriceOfferInput>) {
  const result = priceOffer({ ...base, ...over });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe("a bundle the buyer partly owns", () => {
  it("costs the bundle price less the owned parts' share by list price, keeping the bundle's saving", () => {
    const owningWoolie = price({ bundle: { plan: planGrants([woolie, pup], owns([1001])), listPrice } });
    // 700 * 500 / 800 = 437.5 off, rounded down: 437; the pup costs 263, less than its 300 alone.
    expect(owningWoolie.finalPrice).toBe(263n);
    expect(owningWoolie.units[0]).toMatchObject({ converted: 700n, ownedDiscount: 437n, price: 263n });
    expect(owningWoolie.ownedShare).toMatchObject({ owned: [woolie], ownedWorth: 500n, totalWorth: 800n, weighting: "list-price" });
    expect(price({ bundle: { plan: planGrants([woolie, pup], owns([], [2001])), listPrice } }).finalPrice).toBe(438n);
  });

  it("costs the full price when nothing is owned (and when everything is, which the purchase refuses)", () => {
    expect(price({ bundle: { plan: planGrants([woolie, pup], owns([])), listPrice } })).toMatchObject({ finalPrice: 700n, ownedShare: null });
    expect(price({ bundle: { plan: planGrants([woolie, pup], owns([1001], [2001])), listPrice } })).toMatchObject({ finalPrice: 700n, ownedShare: null });
    expect(price({})).toMatchObject({ finalPrice: 700n, ownedShare: null });
  });

  it("weighs every part the same when one has no list price in the bundle's currency", () => {
    const title: StoreGrant = { kind: "title", titleId: 7 };
    const plan = planGrants([woolie, pup, title], owns([1001]));
    expect(ownedShareOf({ plan, listPrice }, "premium")).toMatchObject({ ownedWorth: 1n, totalWorth: 3n, weighting: "equal" });
    expect(price({ bundle: { plan } }).finalPrice).toBe(700n - 233n);
  });

  it("takes the share off what the promotions and VIP left, rounded in the store's favour", () => {
    const promotions = [{ id: 1, name: "Half", percent: 50, startsAt: new Date(0), endsAt: new Date("2030-01-01Z"), scope: { kind: "all" as const } }];
    const result = price({ promotions, bundle: { plan: planGrants([woolie, pup], owns([1001])), listPrice } });
    // 700 - 350 = 350; 350 * 500 / 800 = 218.75 off, 218: 132.
    expect(result.units[0]).toMatchObject({ promotionDiscount: 350n, ownedDiscount: 218n, price: 132n });
    expect(ownedPartsDiscount(1n, ownedShareOf({ plan: planGrants([woolie, pup], owns([1001])), listPrice }, "premium"))).toBe(0n);
  });

  it("uses the list prices of the currency the bundle is priced from, and the lowest when several offers sell a part", () => {
    const cheaper = listPricesOfParts([...catalog, { grants: [woolie], prices: { premium: 100n } }]);
    expect(cheaper(woolie, "premium")).toBe(100n);
    expect(cheaper(woolie, "gold")).toBe(250_000n);
    expect(cheaper(pup, "bonus")).toBeUndefined();
    expect(cheaper({ kind: "item", itemId: 1, count: 1 }, "premium")).toBeUndefined();
  });
});
