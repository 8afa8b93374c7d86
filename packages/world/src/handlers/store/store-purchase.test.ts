import { describe, expect, it } from "vitest";
import { giftNote, purchaseKey } from "./store-purchase";

describe("store purchase helpers", () => {
  it("keys a purchase by account and the client's transaction id, and 0 by nothing", () => {
    expect(purchaseKey(7, "a1", 42)).toBe("storefront:7:a1:42");
    expect(purchaseKey(8, "a1", 42)).not.toBe(purchaseKey(7, "a1", 42));
    expect(purchaseKey(7, "b2", 42)).not.toBe(purchaseKey(7, "a1", 42)); // another login's transaction 42
    expect(purchaseKey(7, "a1", 0)).toBeUndefined();
  });

  it("cuts a gift note to a mail body's 499 units without splitting a surrogate pair", () => {
    expect(giftNote("Enjoy!")).toBe("Enjoy!");
    expect(giftNote("x".repeat(600))).toHaveLength(499);
    const split = `${"x".repeat(498)}😀tail`;
    expect(giftNote(split)).toBe("x".repeat(498));
  });
});
