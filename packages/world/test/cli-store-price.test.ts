// `bezgelor store set-price` refuses a price of 0 (an offer is never sold for 0: a free offer is a
// promo code's offer:ID reward or a 100 % promotion or daily deal) with exit 2, and changes nothing.
import { describe, expect, it } from "vitest";
import { cliHarness } from "./support/cli";

const { cli } = cliHarness("cli-store-price");

describe("bezgelor store set-price", () => {
  it("refuses a price of 0 with USAGE (exit 2) and leaves the offer as it was", async () => {
    expect((await cli("store", "import")).code).toBe(0);
    const show = async () => (await cli("store", "offer", "show", "--offer", "803", "--json")).json<{ version: number; prices: Record<string, string> }>();
    const before = await show();
    const zero = await cli("store", "set-price", "--offer", "803", "--currency", "bonus", "--price", "0", "--expected-version", String(before.version));
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("[USAGE]");
    expect(zero.stderr).toContain("--price must be at least 1");
    expect(zero.stderr).toContain("offer:ID");
    expect(zero.stdout).toBe("");
    // Purchases elsewhere may move its stock and units sold; the price and the version stay.
    const after = await show();
    expect([after.prices, after.version]).toEqual([before.prices, before.version]);
  }, 120_000);
});
