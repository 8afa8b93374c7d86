import { DISCOUNT_TYPE, STORE_CURRENCY_ID } from "@bezgelor/protocol";
import { describe, expect, it } from "vitest";
import { catalogLines } from "./bot";

const entry = (currencyId: number, price: number, percent = 0) => ({
  currencyId,
  price,
  discountType: percent > 0 ? DISCOUNT_TYPE.Percentage : DISCOUNT_TYPE.None,
  discountValue: percent,
  discountTimeRemaining: percent > 0 ? 60n : -1n,
  timeSinceExpiry: 0n,
});

describe("bot --store", () => {
  it("prints one line per offer with its categories and every price, discounts marked", () => {
    const offer = {
      id: 101,
      name: "Woolie",
      description: "",
      pricePremium: 400,
      priceAlternative: 0,
      displayFlags: 0,
      unknown6: 0n,
      unknown7: 0,
      currencies: [entry(STORE_CURRENCY_ID.NCoin, 400, 20), entry(STORE_CURRENCY_ID.Credits, 250000), entry(9, 5)],
      items: [],
    };
    const group = {
      id: 101,
      displayFlags: 0,
      name: "Woolie",
      description: "",
      displayInfoOverride: 0,
      offers: [offer],
      categories: [{ categoryId: 1, index: 1 }],
    };
    const catalog = {
      currencies: { accountCurrencies: [] },
      categories: { categories: [], realCurrency: 0, currencyPackages: [] },
      offers: { groups: [group] },
    };
    expect(catalogLines(catalog)).toEqual(["store 101  Woolie  category 1  400 NCoin (20 % off), 250000 Credits, 5 #9"]);
  });
});
