import { loadGameData, type GameData } from "@bezgelor/data";
import { beforeAll, describe, expect, it } from "vitest";
import { openVendor, quoteVendorItem } from "../index";
import { tinyGameData } from "../test-support";

let data: GameData;
beforeAll(async () => {
  data = await loadGameData();
});

const standings = (entries: [number, number][] = []) => new Map(entries);

describe("openVendor with the shipped vendors", () => {
  const classic = () => data.reputationScales.require("classic");
  const v8001 = () => data.vendors.require(8001);

  it("refuses vendor 8001 below friendly, naming the required level", () => {
    const result = openVendor(classic(), v8001(), standings([[166, 2999]]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("reputation_too_low");
    expect(result.factionId).toBe(166);
    expect(result.requiredLevel?.name).toBe("friendly");
    expect(result.currentLevel.name).toBe("neutral");
  });

  it("counts a missing standing as 0", () => {
    expect(openVendor(classic(), v8001(), standings())).toMatchObject({ ok: false, reason: "reputation_too_low" });
  });

  it("sells at 5% off at friendly: 1000 -> 950", () => {
    const result = openVendor(classic(), v8001(), standings([[166, 3150]]));
    expect(result).toEqual({
      ok: true,
      vendorId: 8001,
      discountPercent: 5,
      items: [
        { itemId: 30001, basePrice: 1000n, price: 950n },
        { itemId: 30002, basePrice: 2000n, price: 1900n },
        { itemId: 30003, basePrice: 10000n, price: 9500n },
      ],
    });
  });

  it("discounts by the level reached: 20% at exalted", () => {
    expect(openVendor(classic(), v8001(), standings([[166, 42999]]))).toMatchObject({ ok: true, discountPercent: 20 });
  });

  it("sells at base price from an ungated vendor, whatever the standings", () => {
    const result = openVendor(classic(), data.vendors.require(8003), standings([[166, -42000]]));
    expect(result).toMatchObject({
      ok: true,
      discountPercent: 0,
      items: [
        { itemId: 30010, price: 50n },
        { itemId: 30011, price: 20n },
      ],
    });
  });

  it("reads 'friendly' as Liked under the wildstar scale", () => {
    const wildstar = data.reputationScales.require("wildstar");
    expect(openVendor(wildstar, v8001(), standings([[166, 1999]]))).toMatchObject({ ok: false, reason: "reputation_too_low" });
    const result = openVendor(wildstar, v8001(), standings([[166, 2000]]));
    expect(result).toMatchObject({ ok: true, discountPercent: 2 });
    expect(result.ok && result.items[0]).toEqual({ itemId: 30001, basePrice: 1000n, price: 980n });
  });

  it("quotes one item, or refuses an item the vendor does not sell", () => {
    expect(quoteVendorItem(classic(), v8001(), standings([[166, 3000]]), 30001)).toEqual({
      ok: true,
      vendorId: 8001,
      discountPercent: 5,
      itemId: 30001,
      basePrice: 1000n,
      price: 950n,
    });
    expect(quoteVendorItem(classic(), v8001(), standings([[166, 3000]]), 30010)).toEqual({
      ok: false,
      reason: "item_not_sold",
      vendorId: 8001,
      itemId: 30010,
    });
    expect(quoteVendorItem(classic(), v8001(), standings(), 30001)).toMatchObject({ ok: false, reason: "reputation_too_low" });
  });
});

describe("openVendor with vendors gated on a negative level", () => {
  const { data: tiny, scale } = tinyGameData();

  it("refuses to interact when the level met cannot interact", () => {
    expect(openVendor(scale, tiny.vendors.require(50), standings([[2, -100]]))).toMatchObject({ ok: false, reason: "cannot_interact" });
  });

  it("refuses to trade when the level met cannot buy", () => {
    expect(openVendor(scale, tiny.vendors.require(51), standings([[2, -5]]))).toMatchObject({ ok: false, reason: "cannot_buy" });
  });

  it("refuses a standing above a negative requirement", () => {
    expect(openVendor(scale, tiny.vendors.require(51), standings([[2, 0]]))).toMatchObject({ ok: false, reason: "reputation_too_low" });
  });
});
