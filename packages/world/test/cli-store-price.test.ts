// `bezgelor store set-price` refuses a price of 0 (an offer is never sold for 0: a free offer is a
// promo code's offer:ID reward or a 100 % promotion or daily deal) with exit 2, and changes nothing.
import { describe, expect, it } from "vitest";
import { MAX_STORE_PRICE } from "@bezgelor/data";
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

  it("says the price's own range, 1 to MAX_STORE_PRICE, whichever way a price is wrong", async () => {
    const setPrice = (price: string) => cli("store", "set-price", "--offer", "803", "--currency", "bonus", "--price", price, "--expected-version", "1");
    const negative = await setPrice("-3");
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain("--price must be at least 1: a store offer is never sold for 0");
    expect(negative.stderr).not.toContain("negative");
    const word = await setPrice("lots");
    expect(word.code).toBe(2);
    expect(word.stderr).toContain(`--price must be a whole number from 1 to ${MAX_STORE_PRICE}, got lots`);
    expect((await setPrice(String(MAX_STORE_PRICE + 1n))).stderr).toContain(`--price must be at most ${MAX_STORE_PRICE}`);
  });
});

describe("bezgelor store rate list", () => {
  it("lists each rate with the version store rate set must name, so a conflict can be read again", async () => {
    // Each rate is its own: the list shows none of this one before it is set.
    const before = (await cli("store", "rate", "list", "--json")).json<{ from: string; to: string; version: number }[]>();
    const seen = before.find((r) => r.from === "gold" && r.to === "bonus")?.version ?? 0;
    const set = await cli(
      "store",
      "rate",
      "set",
      "--from",
      "gold",
      "--to",
      "bonus",
      "--numerator",
      "3",
      "--denominator",
      "1000",
      "--expected-version",
      String(seen),
    );
    expect(set.code, set.stderr).toBe(0);
    const listed = await cli("store", "rate", "list");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`1 gold = 3/1000 bonus  version ${seen + 1}`);
    const rates = (await cli("store", "rate", "list", "--json")).json<{ from: string; to: string; numerator: string; version: number }[]>();
    expect(rates.find((r) => r.from === "gold" && r.to === "bonus")).toMatchObject({ numerator: "3", version: seen + 1 });
  });
});

describe("an admin edit that changes nothing", () => {
  it("keeps the version and prints unchanged: store offer set --available false twice, store rate set to the rate it has", async () => {
    expect((await cli("store", "import")).code).toBe(0);
    const version = async () => (await cli("store", "offer", "show", "--offer", "601", "--json")).json<{ version: number }>().version;
    const seen = await version();
    const hide = (at: number, ...more: string[]) =>
      cli("store", "offer", "set", "--offer", "601", "--available", "false", "--expected-version", String(at), ...more);
    const first = await hide(seen);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`version ${seen + 1})`);
    expect(first.stdout).not.toContain("unchanged");
    const again = await hide(seen + 1);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`unchanged: offer 601 already was so (version ${seen + 1} kept, no edit logged)`);
    expect((await hide(seen + 1, "--json")).json<{ version: number; changed: boolean }>()).toMatchObject({ version: seen + 1, changed: false });
    expect(await version()).toBe(seen + 1);

    const rates = (await cli("store", "rate", "list", "--json")).json<{ from: string; to: string; version: number }[]>();
    const rateSeen = rates.find((r) => r.from === "bonus" && r.to === "premium")?.version ?? 0;
    const setRate = (at: number) =>
      cli("store", "rate", "set", "--from", "bonus", "--to", "premium", "--numerator", "1", "--denominator", "10", "--expected-version", String(at));
    expect((await setRate(rateSeen)).stdout).not.toContain("unchanged");
    const sameRate = await setRate(rateSeen + 1);
    expect(sameRate.code, sameRate.stderr).toBe(0);
    expect(sameRate.stdout).toBe(`1 bonus = 1/10 premium  version ${rateSeen + 1}\nunchanged: the rate already was so (version kept, no edit logged)\n`);
  });
});
