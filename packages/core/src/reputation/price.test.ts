import { describe, expect, it } from "vitest";
import { CORE_ERROR_CODE, discountedPrice } from "../index";

describe("discountedPrice", () => {
  it.each([
    [1000n, 5, 950n],
    [2000n, 5, 1900n],
    [10000n, 5, 9500n],
    [1000n, 10, 900n],
    [1000n, 15, 850n],
    [1000n, 20, 800n],
    [1000n, 2, 980n],
    [1000n, 0, 1000n],
    [1000n, 100, 0n],
    [0n, 5, 0n],
  ])("%s at %s%% is %s", (base, percent, price) => {
    expect(discountedPrice(base, percent)).toBe(price);
  });

  it("rounds a fraction of a coin up, in the house's favour", () => {
    expect(discountedPrice(999n, 5)).toBe(950n); // 949.05
    expect(discountedPrice(1n, 5)).toBe(1n); // 0.95
    expect(discountedPrice(19n, 5)).toBe(19n); // 18.05
    expect(discountedPrice(20n, 5)).toBe(19n); // exact
  });

  it("stays exact beyond 2^53", () => {
    expect(discountedPrice(9_223_372_036_854_775_800n, 5)).toBe(8_762_203_435_012_037_010n);
  });

  it("throws for a negative price or a discount outside 0..100", () => {
    expect(() => discountedPrice(-1n, 5)).toThrow(expect.objectContaining({ code: CORE_ERROR_CODE.INVALID_PRICE }));
    for (const percent of [-1, 101, 2.5, Number.NaN]) {
      expect(() => discountedPrice(100n, percent)).toThrow(expect.objectContaining({ code: CORE_ERROR_CODE.INVALID_PERCENT }));
    }
  });
});
