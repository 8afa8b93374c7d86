// The currency and ledger commands, run in-process like test/cli.test.ts, on the embedded database
// (or DATABASE_URL), over one database shared by the file's commands (test/support/cli.ts). The
// lost-reply case wraps that database in the CLI's openDatabase seam.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { cliHarness, losingFirstReply as losingFirstReplyOf } from "./support/cli";

const harness = cliHarness("cli-currency");
const cli = (argv: string[]) => harness.cli(...argv);
const losingFirstReply = (log: { stderrAtSend?: string }, stderr: () => string) => losingFirstReplyOf(harness.open, log, stderr);

const suffix = randomUUID()
  .replace(/[^a-z]/g, "")
  .slice(0, 10);
const email = `currency-${randomUUID()}@example.test`;
const name = `Cur${suffix}`;
const other = `Oth${suffix}`;

describe("bezgelor currency and ledger", () => {
  // Creating the embedded database directory is the slow part: done once, under the hook timeout.
  beforeAll(async () => {
    expect((await cli(["account", "create", "--email", email, "--password", "cli-password"])).code).toBe(0);
    for (const n of [name, other]) expect((await cli(["character", "create", "--email", email, "--name", n])).code).toBe(0);
  });

  it("grants and deducts all three currencies, shows balances and the ledger", async () => {
    const grant = await cli([
      "currency",
      "grant",
      "--email",
      email,
      "--character",
      name,
      "--currency",
      "gold",
      "--amount",
      "500",
      "--reason",
      "refund",
      "--json",
    ]);
    expect(grant.code, grant.stderr).toBe(0);
    expect(grant.json()).toMatchObject({
      direction: "grant",
      currency: "gold",
      character: name,
      delta: "500",
      balanceBefore: "0",
      balance: "500",
      replayed: false,
    });
    // No --key: one was generated and shown on stderr.
    expect(grant.stderr).toMatch(/idempotency key cli-[0-9a-f-]{36}/);
    expect(grant.json().idempotencyKey).toMatch(/^cli-/);
    expect((await cli(["currency", "deduct", "--email", email, "--character", name, "--currency", "gold", "--amount", "200", "--reason", "fine"])).code).toBe(
      0,
    );
    expect((await cli(["currency", "grant", "--email", email, "--currency", "premium", "--amount", "1000", "--reason", "purchase"])).code).toBe(0);
    const bonus = await cli(["currency", "grant", "--email", email, "--currency", "bonus", "--amount", "30", "--reason", "promo"]);
    expect(bonus.stdout).toContain("+30 bonus, balance 0 -> 30");
    expect((await cli(["currency", "deduct", "--email", email, "--currency", "premium", "--amount", "400", "--reason", "store"])).code).toBe(0);

    const shown = await cli(["currency", "show", "--email", email, "--character", name, "--json"]);
    expect(shown.json()).toMatchObject({ email, premium: "600", bonus: "30", character: name, gold: "300" });
    expect((await cli(["currency", "show", "--email", email])).stdout).toContain("premium (NCoin) 600, bonus (Omnibits) 30");

    const ledger = await cli(["ledger", "show", "--email", email, "--json"]);
    const entries = ledger.json<Array<Record<string, unknown>>>();
    expect(entries.map((e) => [e.currency, e.delta, e.balanceAfter, e.source])).toEqual([
      ["premium", "-400", "600", "admin"],
      ["bonus", "30", "30", "admin"],
      ["premium", "1000", "1000", "admin"],
      ["gold", "-200", "300", "admin"],
      ["gold", "500", "500", "admin"],
    ]);
    expect(entries[0]!.actor).toMatch(/^admin:cli:/);
    expect((await cli(["ledger", "show", "--email", email, "--character", name, "--limit", "1", "--offset", "1", "--json"])).json()).toEqual([
      expect.objectContaining({ reason: "refund", delta: "500" }),
    ]);
    expect((await cli(["ledger", "show", "--email", email, "--character", other])).stdout.trim()).toBe("no ledger entries");
  });

  it("refuses with the documented exit codes", async () => {
    const base = ["--email", email, "--reason", "x"];
    expect((await cli(["currency", "grant", ...base, "--currency", "gold", "--amount", "5"])).code).toBe(2); // gold needs --character
    expect((await cli(["currency", "grant", ...base, "--currency", "premium", "--character", name, "--amount", "5"])).code).toBe(2);
    expect((await cli(["currency", "grant", ...base, "--currency", "copper", "--amount", "5"])).code).toBe(2);
    expect((await cli(["currency", "grant", ...base, "--currency", "bonus", "--amount", "0"])).code).toBe(2);
    expect((await cli(["currency", "grant", ...base, "--currency", "bonus", "--amount", "-5"])).code).toBe(2);
    expect((await cli(["currency", "deduct", ...base, "--currency", "bonus", "--amount", "31"])).code).toBe(6);
    expect((await cli(["currency", "grant", "--email", `nobody-${email}`, "--reason", "x", "--currency", "bonus", "--amount", "1"])).code).toBe(3);
    expect((await cli(["currency", "show", "--email", email, "--character", "Nosuchname"])).code).toBe(3);
    expect((await cli(["ledger", "show", "--email", email, "--limit", "501"])).code).toBe(2);
    expect((await cli(["ledger", "show", "--email", email, "--limit", "ten"])).code).toBe(2);
  });

  it("applies a repeated --key once, and refuses the key for another request with exit 4", async () => {
    const key = `op-${randomUUID()}`;
    const args = ["currency", "grant", "--email", email, "--currency", "bonus", "--amount", "7", "--reason", "apology", "--key", key, "--json"];
    const first = await cli(args);
    const again = await cli(args);
    expect(first.json()).toMatchObject({ replayed: false, balance: "37", idempotencyKey: key });
    expect(again.json()).toMatchObject({ replayed: true, balance: "37", ledgerEntryId: first.json().ledgerEntryId });
    expect(first.stderr).not.toContain("idempotency key"); // given, not generated
    const reused = await cli(["currency", "grant", "--email", email, "--currency", "bonus", "--amount", "8", "--reason", "apology", "--key", key, "--json"]);
    expect(reused.code).toBe(4);
    expect(JSON.parse(reused.stderr)).toMatchObject({ error: { code: "IDEMPOTENCY_KEY_REUSED" } });
    expect((await cli(["currency", "show", "--email", email, "--json"])).json()).toMatchObject({ bonus: "37" });
  });

  it("keeps gold grant as a shorthand on the same path, key included", async () => {
    const key = `gold-${randomUUID()}`;
    const granted = await cli(["gold", "grant", "--character", other, "--amount", "15", "--key", key, "--json"]);
    expect(granted.json()).toMatchObject({ currency: "gold", character: other, delta: "15", balance: "15", idempotencyKey: key });
    expect((await cli(["gold", "grant", "--character", other, "--amount", "15", "--key", key, "--json"])).json()).toMatchObject({
      replayed: true,
      balance: "15",
    });
  });

  it("says the outcome is unknown when the reply is lost, exits 5, and prints a retry that applies once", async () => {
    let stderrSoFar = "";
    const log: { stderrAtSend?: string } = {};
    const seam = losingFirstReply(log, () => stderrSoFar);
    const gold = async () => BigInt((await cli(["currency", "show", "--email", email, "--character", name, "--json"])).json<{ gold: string }>().gold);
    const before = await gold();
    const argv = ["gold", "grant", "--character", name, "--amount", "1000", "--reason", "lost reply"];
    const code = await harness.run(argv, { stderr: (t: string) => void (stderrSoFar += t), ...seam });
    expect(code).toBe(5);
    // The generated key was printed before the change was sent.
    const key = /idempotency key (cli-[0-9a-f-]{36})/.exec(log.stderrAtSend ?? "")?.[1];
    expect(key, stderrSoFar).toBeDefined();
    expect(stderrSoFar).toContain("outcome is unknown");
    // One clear error line after the key and the retry: no log line with the cause's stack before it.
    expect(
      stderrSoFar
        .trimEnd()
        .split("\n")
        .map((line) => line.split(" ")[0]),
    ).toEqual(["idempotency", "retry", "error:"]);
    const retry = /^retry safely \(applied at most once\): (.*)$/m.exec(stderrSoFar)?.[1];
    expect(retry, stderrSoFar).toBe(`bezgelor gold grant --character ${name} --amount 1000 --reason 'lost reply' --key ${key}`);
    // It had committed: the retry replays instead of paying twice.
    const retried = await cli([...argv, "--key", key!, "--json"]);
    expect(retried.json()).toMatchObject({ replayed: true, balance: String(before + 1000n), idempotencyKey: key });
    const entries = (await cli(["ledger", "show", "--email", email, "--character", name, "--json"])).json<Array<{ idempotencyKey: string | null }>>();
    expect(entries.filter((e) => e.idempotencyKey === key)).toHaveLength(1);
    expect(await gold()).toBe(before + 1000n);
  });

  it("reports the unknown outcome as JSON too, with the retry command", async () => {
    let stderr = "";
    const seam = losingFirstReply({}, () => stderr);
    const key = `json-${randomUUID()}`;
    const code = await harness.run(["currency", "grant", "--email", email, "--currency", "premium", "--amount", "1", "--reason", "x", "--key", key, "--json"], {
      stderr: (t) => void (stderr += t),
      ...seam,
    });
    expect(code).toBe(5);
    // With --json every stderr line is JSON: the notices, then the error.
    const lines = stderr
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const error = lines.at(-1) as { error: { code: string; details: { key: string; retry: string } } };
    expect(lines.slice(0, -1).every((line) => typeof line.notice === "string")).toBe(true);
    expect(error.error).toMatchObject({ code: "OUTCOME_UNKNOWN", details: { key } });
    expect(error.error.details.retry).toContain(`--key ${key} --json`);
  });

  it("audits the ledger: exit 0 when it holds, exit 1 naming the owner when a balance moved behind its back", async () => {
    const ok = await cli(["ledger", "audit"]);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/^ledger audit: ok \(\d+ owners, \d+ balances, \d+ ledger entries, \d+ store transactions, \d+ offers checked\)/);
    const database = await harness.database();
    try {
      await database.client.$executeRaw`UPDATE "characters" SET "gold" = "gold" + 1 WHERE "name" = ${name}`;
      const failed = await cli(["ledger", "audit"]);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain(`FAIL balance-mismatch: gold of character ${name}`);
      expect(failed.stdout).toContain(email);
      const report = await cli(["ledger", "audit", "--json"]);
      expect(report.code).toBe(1);
      expect(report.json()).toMatchObject({
        ok: false,
        failures: expect.arrayContaining([expect.objectContaining({ currency: "gold", characterName: name })]),
      });
    } finally {
      await database.client.$executeRaw`UPDATE "characters" SET "gold" = "gold" - 1 WHERE "name" = ${name}`;
    }
    expect((await cli(["ledger", "audit"])).code).toBe(0);
  });
});
