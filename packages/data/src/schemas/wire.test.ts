import { describe, expect, it } from "vitest";
import { CLASS, RACE, SEX } from "./character-creation";
import { vendorStockEntry, type Vendor } from "./vendor";
import { MAX_MONEY, maxOfBits, WIRE_BITS, wireIdSchema } from "./wire";

describe("wire widths", () => {
  it("hold every race, class and sex choice", () => {
    for (const value of Object.values(RACE)) expect(value).toBeLessThanOrEqual(maxOfBits(WIRE_BITS.race));
    for (const value of Object.values(CLASS)) expect(value).toBeLessThanOrEqual(maxOfBits(WIRE_BITS.class));
    for (const value of Object.values(SEX)) expect(value).toBeLessThanOrEqual(maxOfBits(WIRE_BITS.sex));
  });

  it("bound ids by their field", () => {
    expect(wireIdSchema("titleId").safeParse(16383).success).toBe(true);
    expect(wireIdSchema("titleId").safeParse(16384).success).toBe(false);
    expect(wireIdSchema("itemId").safeParse(2 ** 32 - 1).success).toBe(true);
    expect(wireIdSchema("itemId").safeParse(2 ** 32).success).toBe(false);
    expect(MAX_MONEY).toBe(9223372036854775807n);
  });
});

describe("vendorStockEntry", () => {
  const vendor = {
    id: 1,
    name: "Shop",
    items: [
      { itemId: 7, price: 5n },
      { itemId: 2, price: 9n },
    ],
  } as Vendor;

  it("finds a line by its 1-based position, not by item id", () => {
    expect(vendorStockEntry(vendor, 1)).toEqual({ itemId: 7, price: 5n });
    expect(vendorStockEntry(vendor, 2)).toEqual({ itemId: 2, price: 9n });
    for (const id of [0, 3, 7, -1, 1.5]) expect(vendorStockEntry(vendor, id)).toBeUndefined();
  });
});
