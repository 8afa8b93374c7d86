// `bezgelor store ...` and `bezgelor promo ...`: the catalog import, buying at the shown price with
// --key, promotions changing the price, promo codes, with the documented exit codes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/main";

const { BEZGELOR_LOG_LEVEL: _quiet, ...inherited } = process.env;
const dir = mkdtempSync(join(tmpdir(), "bezgelor-cli-store-"));
const env = { ...inherited, BEZGELOR_DB_DIR: join(dir, "db") };

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}

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
    const { offers } = imported.json() as { offers: { created: number[]; updated: number[]; keptOperator: number[] } };
    expect([...offers.created, ...offers.updated, ...offers.keptOperator].sort((a, b) => a - b)).toEqual([101, 102, 201, 301, 401, 501, 601]);
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
    const bought = await buy("500", `b1-${name}`);
    expect(bought.code).toBe(0);
    expect(bought.json()).toMatchObject({ offerId: 101, amountPaid: "500", replayed: false });
    expect((await buy("500", `b1-${name}`)).json()).toMatchObject({ replayed: true });
    const owned = await buy("500", `b2-${name}`);
    expect(owned.code).toBe(6);
    expect(owned.stderr).toContain("STORE_ALREADY_OWNED");
    const shown = await cli("currency", "show", "--email", email, "--json");
    expect(shown.json()).toMatchObject({ premium: "500" });

    expect((await cli("store", "offer", "set", "--offer", "102", "--available", "false")).code).toBe(0);
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
    expect((await cli("promo", "create", "--code", code, "--kind", "single_use", "--reward", "bonus:25", "--reward", "mount:1101")).code).toBe(0);
    expect((await cli("promo", "create", "--code", code.toUpperCase(), "--kind", "single_use", "--reward", "bonus:1")).code).toBe(4);
    expect((await cli("promo", "create", "--code", "x", "--kind", "single_use", "--reward", "bogus:1")).code).toBe(2);
    expect((await cli("promo", "redeem", "--email", email, "--code", ` ${code.toUpperCase()} `)).code).toBe(0);
    expect((await cli("promo", "redeem", "--email", email, "--code", code)).code).toBe(6);
    expect((await cli("promo", "show", "--code", code, "--json")).json()).toMatchObject({ uses: 1, kind: "single_use" });
    expect((await cli("promo", "disable", "--code", code)).code).toBe(0);
    expect((await cli("promo", "show", "--code", "nope-nope")).code).toBe(3);
    expect((await cli("ledger", "audit")).code).toBe(0);
  }, 240_000);
});
