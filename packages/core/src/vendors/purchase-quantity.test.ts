import { describe, expect, it } from "vitest";
import { MAX_VENDOR_PURCHASE_QUANTITY, checkVendorQuantity } from "../index";

describe("checkVendorQuantity", () => {
  it("takes 1 to 1000, the bounds included", () => {
    expect(MAX_VENDOR_PURCHASE_QUANTITY).toBe(1000);
    for (const quantity of [1, 7, 1000]) expect(checkVendorQuantity(quantity)).toEqual({ ok: true, quantity });
  });

  it("refuses 0, negatives, over 1000 and fractions, naming the bounds", () => {
    for (const quantity of [0, -1, 1001, 2 ** 32 - 1, 1.5, Number.NaN]) {
      expect(checkVendorQuantity(quantity)).toEqual({ ok: false, reason: "quantity_out_of_range", quantity, min: 1, max: 1000 });
    }
  });
});
