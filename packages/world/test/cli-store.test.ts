// `bezgelor store ...` and `bezgelor promo ...`: the catalog import, buying at the shown price with
// --key, promotions changing the price, promo codes, with the documented exit codes.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cliHarness, losingFirstReply } from "./support/cli";

const harness = cliHarness("cli-store");
const { cli, dir } = harness;

const email = `store-${randomUUID()}@example.test`;
const name = `Store${randomUUID()
  .replace(/[^a-z]/g, "")
  .slice(0, 10)}`;

describe("bezgelor store and promo", () => {
  it("imports, buys at the shown price once per key, and refuses a stale price and an owned mount", async () => {
    const imported = await cli("store", "import", "--json");
    expect(imported.code).toBe(0);
    // Created now; or, on a PostgreSQL database other tests share, updated (a server's first start
    // imported them) or kept (an earlier run's operator edit): every shipped offer is accounted for.
    const { offers } = imported.json<{ offers: { created: number[]; updated: number[]; unchanged: number[]; keptOperator: number[] } }>();
    expect([...offers.created, ...offers.updated, ...offers.unchanged, ...offers.keptOperator].sort((a, b) => a - b)).toEqual([
      101, 102, 201, 301, 401, 501, 601, 801, 802, 803,
    ]);
    expect((await cli("account", "create", "--email", email, "--password", "cli-password")).code).toBe(0);
    expect((await cli("character", "create", "--email", email, "--name", name)).code).toBe(0);
    expect((await cli("currency", "grant", "--email", email, "--currency", "premium", "--amount", "1000", "--reason", "test", "--key", `g-${name}`)).code).toBe(
      0,
    );

    const buy = (price: string, key: string) =>
      cli("store", "buy", "--email", email, "--character", name, "--offer", "101", "--currency", "premium", "--price", price, "--key", key, "--json");
    const stale = await buy("400", `b1-${name}`);
    expect(stale.code).toBe(6);
    expect(stale.stderr).toContain("STORE_PRICE_CHANGED");
    // The refused request keeps its key: buying at the new price is another request, with a new key.
    const reused = await buy("500", `b1-${name}`);
    expect(reused.code).toBe(4);
    expect(reused.stderr).toContain("IDEMPOTENCY_KEY_REUSED");
    const bought = await buy("500", `b1b-${name}`);
    expect(bought.code).toBe(0);
    expect(bought.json()).toMatchObject({ offerId: 101, amountPaid: "500", replayed: false });
    expect((await buy("500", `b1b-${name}`)).json()).toMatchObject({ replayed: true });
    const owned = await buy("500", `b2-${name}`);
    expect(owned.code).toBe(6);
    expect(owned.stderr).toContain("STORE_ALREADY_OWNED");
    const shown = await cli("currency", "show", "--email", email, "--json");
    expect(shown.json()).toMatchObject({ premium: "500" });
    // A note without a gift is refused before anything is bought, not dropped unseen.
    const noted = await cli(
      "store",
      "buy",
      "--email",
      email,
      "--character",
      name,
      "--offer",
      "201",
      "--currency",
      "premium",
      "--price",
      "300",
      "--note",
      "enjoy",
    );
    expect(noted.code).toBe(2);
    expect(noted.stderr).toContain("--note goes with --gift-to");
    expect((await cli("currency", "show", "--email", email, "--json")).json()).toMatchObject({ premium: "500" });

    const seen = (await cli("store", "offer", "show", "--offer", "102", "--json")).json<{ version: number }>();
    const ahead = String(seen.version + 1);
    const staleEdit = await cli("store", "offer", "set", "--offer", "102", "--available", "false", "--expected-version", ahead, "--json");
    expect(staleEdit.code).toBe(4);
    // The refusal's details say which version to read again.
    expect(JSON.parse(staleEdit.stderr)).toMatchObject({
      error: { code: "STORE_VERSION_CONFLICT", details: { currentVersion: seen.version, expectedVersion: seen.version + 1 } },
    });
    expect((await cli("store", "offer", "set", "--offer", "102", "--available", "false", "--expected-version", String(seen.version))).code).toBe(0);
    const reimport = await cli("store", "import", "--json");
    expect(reimport.json()).toMatchObject({ offers: { keptOperator: [102] } });
    expect((await cli("store", "offer", "show", "--offer", "9999")).code).toBe(3);

    const bad = join(dir, "bad-store.json");
    writeFileSync(
      bad,
      JSON.stringify({ categories: [], offers: [{ id: 9, categoryId: 1, name: "x", kind: "mount", grants: [{ kind: "mount", mountId: 1 }], prices: {} }] }),
    );
    const refused = await cli("store", "import", "--file", bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${bad}: id 9: prices`);
  }, 240_000);

  it("a promotion changes the price the buyer must give; promo codes are created, shown and redeemed once", async () => {
    const now = Date.now();
    const starts = new Date(now - 3_600_000).toISOString();
    const ends = new Date(now + 3_600_000).toISOString();
    expect((await cli("store", "promotion", "create", "--name", "Pets", "--percent", "50", "--starts", starts, "--ends", ends, "--offer", "201")).code).toBe(0);
    expect((await cli("store", "promotion", "create", "--name", "x", "--percent", "101", "--starts", starts, "--ends", ends)).code).toBe(2);
    expect((await cli("store", "buy", "--email", email, "--character", name, "--offer", "201", "--currency", "premium", "--price", "300")).code).toBe(6);
    expect((await cli("store", "buy", "--email", email, "--character", name, "--offer", "201", "--currency", "premium", "--price", "150")).code).toBe(0);

    const code = `cli-${randomUUID().slice(0, 8)}`;
    expect(
      (await cli("promo", "create", "--code", code, "--kind", "single_use", "--reward", "bonus:25", "--reward", "mount:1101", "--reward", "vanity_pet:3001"))
        .code,
    ).toBe(0);
    expect((await cli("promo", "create", "--code", code.toUpperCase(), "--kind", "single_use", "--reward", "bonus:1")).code).toBe(4);
    expect((await cli("promo", "create", "--code", "x", "--kind", "single_use", "--reward", "bogus:1")).code).toBe(2);
    const redeemKey = `redeem-${randomUUID()}`;
    const redeemed = await cli("promo", "redeem", "--email", email, "--code", ` ${code.toUpperCase()} `, "--key", redeemKey);
    expect(redeemed.code).toBe(0);
    // The replay reads the rewards back from a JSON column: the line shows them the same way.
    const replayed = await cli("promo", "redeem", "--email", email, "--code", ` ${code.toUpperCase()} `, "--key", redeemKey);
    expect(replayed.stdout).toBe(redeemed.stdout.replace(/^redeemed /, "already redeemed "));
    expect(redeemed.stdout).toContain('{"kind":"currency","amount":"25","currency":"bonus"}');
    expect((await cli("promo", "redeem", "--email", email, "--code", code)).code).toBe(6);
    expect((await cli("promo", "show", "--code", code, "--json")).json()).toMatchObject({
      uses: 1,
      kind: "single_use",
      rewards: [
        { kind: "currency", currency: "bonus" },
        { kind: "mount", mountId: 1101 },
        { kind: "vanity_pet", vanityPetId: 3001 },
      ],
    });
    expect((await cli("promo", "disable", "--code", code)).code).toBe(0);
    expect((await cli("promo", "show", "--code", "nope-nope")).code).toBe(3);
    expect((await cli("ledger", "audit")).code).toBe(0);
  }, 240_000);

  it("previews step by step, edits at a version, restocks, sets a VIP tier, and shows the transaction of a purchase", async () => {
    const buyer = `eco-${randomUUID()}@example.test`;
    const hero = `Eco${randomUUID()
      .replace(/[^a-z]/g, "")
      .slice(0, 10)}`;
    expect((await cli("store", "import")).code).toBe(0);
    expect((await cli("account", "create", "--email", buyer, "--password", "cli-password")).code).toBe(0);
    expect((await cli("character", "create", "--email", buyer, "--name", hero)).code).toBe(0);
    expect(
      (await cli("currency", "grant", "--email", buyer, "--currency", "premium", "--amount", "100000", "--reason", "test", "--key", `e-${hero}`)).code,
    ).toBe(0);

    const preview = await cli("store", "preview", "--offer", "802", "--quantity", "3", "--email", buyer);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain("offer 802: 3 unit(s) in premium");
    expect(preview.stdout).toMatch(/final: +\d+ premium/);
    const quoted = (await cli("store", "preview", "--offer", "802", "--quantity", "3", "--email", buyer, "--json")).json<{ finalPrice: string }>();

    const key = `eco-buy-${hero}`;
    const bought = await cli(
      "store",
      "buy",
      "--email",
      buyer,
      "--character",
      hero,
      "--offer",
      "802",
      "--quantity",
      "3",
      "--currency",
      "premium",
      "--price",
      quoted.finalPrice,
      "--key",
      key,
      "--json",
    );
    expect(bought.code).toBe(0);
    expect(bought.json()).toMatchObject({ transactionId: key, quantity: 3, amountPaid: quoted.finalPrice });
    const tx = await cli("store", "tx", "--id", key, "--json");
    expect(tx.json()).toMatchObject({ id: key, status: "committed", quantity: 3, amount: quoted.finalPrice });
    expect((await cli("store", "tx", "--id", `missing-${hero}`)).code).toBe(3);
    const ledger = await cli("ledger", "show", "--store", "--email", buyer);
    expect(ledger.stdout).toContain(`${key}  `);
    expect(ledger.stdout).toContain("committed");

    const offer = (await cli("store", "offer", "show", "--offer", "802", "--json")).json<{ version: number; stock: number }>();
    const restocked = await cli("store", "restock", "--offer", "802", "--amount", "5", "--expected-version", String(offer.version), "--json");
    expect(restocked.json()).toMatchObject({ stock: offer.stock + 5, version: offer.version + 1 });
    const conflict = await cli("store", "set-price", "--offer", "802", "--currency", "premium", "--price", "60", "--expected-version", String(offer.version));
    expect(conflict.code).toBe(4);
    expect(conflict.stderr).toContain("STORE_VERSION_CONFLICT");
    expect(
      (await cli("store", "set-price", "--offer", "802", "--currency", "premium", "--price", "50", "--expected-version", String(offer.version + 1))).code,
    ).toBe(0);

    const vip = await cli("vip", "set", "--email", buyer, "--tier", "1");
    expect(vip.code).toBe(0);
    expect(vip.stdout).toContain("tier 1 (Bronze) set by an admin");
    expect(vip.stdout).toContain("paid the rewards of tier(s) 1");
    expect((await cli("vip", "set", "--email", buyer, "--tier", "1")).stdout).not.toContain("paid");
    expect((await cli("store", "preview", "--offer", "801", "--email", buyer)).stdout).toContain("VIP:       tier 1 (Bronze) 2 %");
    const page = await cli("store", "catalog", "--category", "8", "--per-page", "2", "--json");
    expect(page.json()).toMatchObject({ page: 1, perPage: 2, total: 3, pages: 2 });
    expect((await cli("ledger", "audit")).code).toBe(0);
  }, 240_000);

  it("promo redeem says the outcome is unknown when the reply is lost (OUTCOME_UNKNOWN, exit 5) and its retry redeems once", async () => {
    const redeemer = `lost-${randomUUID()}@example.test`;
    expect((await cli("account", "create", "--email", redeemer, "--password", "cli-password")).code).toBe(0);
    const code = `lost-${randomUUID().slice(0, 8)}`;
    expect((await cli("promo", "create", "--code", code, "--kind", "single_use", "--reward", "bonus:5")).code).toBe(0);
    let stderr = "";
    const seam = losingFirstReply(harness.open, {}, () => stderr);
    const exit = await harness.run(["promo", "redeem", "--email", redeemer, "--code", code], { stderr: (t) => void (stderr += t), ...seam });
    expect(exit, stderr).toBe(5);
    expect(stderr).toContain("the outcome is unknown: the redemption was sent but no answer came back");
    expect(stderr).toContain("[OUTCOME_UNKNOWN]");
    const retry = /^retry safely \(applied at most once\): bezgelor (.*)$/m.exec(stderr)?.[1];
    expect(retry, stderr).toMatch(/^promo redeem --email \S+ --code \S+ --key promo-[0-9a-f-]{36}$/);
    const retried = await cli(...retry!.split(" "), "--json");
    expect(retried.json()).toMatchObject({ replayed: true });
    expect((await cli("promo", "show", "--code", code, "--json")).json()).toMatchObject({ uses: 1 });
  }, 120_000);

  it("store catalog past the last page says how many pages there are and exits 3 (NOT_FOUND), as !store does", async () => {
    expect((await cli("store", "import")).code).toBe(0);
    const { pages } = (await cli("store", "catalog", "--json")).json<{ pages: number }>();
    const past = await cli("store", "catalog", "--page", String(pages + 1));
    expect(past.code).toBe(3);
    expect(past.stdout).toBe("");
    expect(past.stderr).toMatch(
      new RegExp(`^error: the store has ${pages} pages? of 10 offers for that \\(\\d+ offers\\), not page ${pages + 1} \\[NOT_FOUND\\]`),
    );
    const json = await cli("store", "catalog", "--page", "99", "--json");
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: "NOT_FOUND", details: { page: 99, pages } } });
    expect((await cli("store", "catalog", "--page", String(pages))).code).toBe(0);
  }, 120_000);
});
