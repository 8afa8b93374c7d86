// Bad values on the command line: each is refused with exit 2 and one line saying what is wrong,
// and nothing is written.
import { describe, expect, it } from "vitest";
import { cliHarness } from "./support/cli";

const { cli } = cliHarness("cli-bad-input");

/** Expects exit 2 and a single stderr line matching `message`. */
async function refused(argv: string[], message: RegExp) {
  const result = await cli(...argv);
  expect(result.code, argv.join(" ")).toBe(2);
  expect(result.stderr.trim().split("\n"), argv.join(" ")).toEqual([expect.stringMatching(message)]);
}

describe("dates the calendar does not have", () => {
  it("are refused by every command that takes a date or a time, and no deal lands in the next month", async () => {
    expect((await cli("store", "import")).code).toBe(0);
    for (const date of ["2026-02-30", "2026-02-29", "2026-04-31"]) {
      await refused(["store", "deal", "set", "--date", date, "--offer", "801", "--percent", "10"], /--date must be a UTC calendar date YYYY-MM-DD, got /);
      await refused(["store", "deal", "list", "--from", date], /--from must be a UTC calendar date/);
      const time = `${date}T00:00:00Z`;
      await refused(
        ["store", "promotion", "create", "--name", "x", "--percent", "5", "--starts", time, "--ends", "2027-01-01T00:00:00Z"],
        /--starts must be an ISO 8601 time with a zone on a calendar date/,
      );
      await refused(["promo", "create", "--code", "calendar", "--kind", "single_use", "--reward", "bonus:1", "--expires", time], /--expires must be/);
    }
    const deals = await cli("store", "deal", "list", "--from", "2026-01-01", "--json");
    expect(deals.json<Array<{ date: string }>>().filter((d) => d.date.startsWith("2026-03") || d.date.startsWith("2026-05"))).toEqual([]);
    expect((await cli("store", "deal", "set", "--date", "2028-02-29", "--offer", "801", "--percent", "10")).stdout).toBe(
      "daily deal 2028-02-29: offer 801 at 10 % off\n",
    );
  }, 240_000);
});

describe("numbers out of range or negative", () => {
  const buyer = ["--email", "nobody@example.test"];
  it.each([
    [
      ["currency", "grant", ...buyer, "--currency", "gold", "--amount", "-5", "--reason", "test"],
      /^error: --amount must be at least 1 \(1 to 9223372036854775807\), got -5 \[USAGE\]$/,
    ],
    [
      ["store", "buy", ...buyer, "--offer", "101", "--currency", "premium", "--price", "-1"],
      /^error: --price must not be negative \(0 to 9223372036854775807\), got -1 \[USAGE\]$/,
    ],
    [["ledger", "show", ...buyer, "--offset", "-1"], /^error: --offset must not be negative \(0 to 999999999\), got -1 \[USAGE\]$/],
    [["collection", "grant", ...buyer, "--mount", "-1"], /^error: --mount must be at least 1 \(1 to 2147483647\), got -1 \[USAGE\]$/],
    [
      ["mail", "send", "--to", "Nobody", "--subject", "s", "--body", "b", "--gold", "99999999999999999999999"],
      /^error: --gold must be at most 9223372036854775807 \(0 to 9223372036854775807\), got 99999999999999999999999 \[USAGE\]$/,
    ],
    [
      ["store", "deal", "set", "--date", "2027-01-01", "--offer", "99999999999", "--percent", "10"],
      /^error: --offer must be at most 2147483647 \(1 to 2147483647\), got 99999999999 \[USAGE\]$/,
    ],
    // 0 % is no discount: a deal or promotion takes 1..100 % off.
    [
      ["store", "deal", "set", "--date", "2027-01-01", "--offer", "801", "--percent", "0"],
      /^error: --percent must be at least 1 \(1 to 100\), got 0 \[USAGE\]$/,
    ],
    [
      ["store", "promotion", "create", "--name", "x", "--percent", "0", "--starts", "2027-01-01T00:00:00Z", "--ends", "2027-01-02T00:00:00Z"],
      /^error: --percent must be at least 1 \(1 to 100\), got 0 \[USAGE\]$/,
    ],
  ])("%j is one line saying what is wrong, exit 2", async (argv, message) => {
    await refused(argv, message);
  });
});

/** The command line as a short test title: long values shown by their length. */
const title = (argv: string[]) => argv.map((word) => (word.length > 24 ? `<${word.length} characters>` : word)).join(" ");

describe("the same bad value gets the same plain line, with the bounds the action takes", () => {
  const buyer = ["--email", "nobody@example.test"];
  const grant = (amount: string, reason = "test") => ["currency", "grant", ...buyer, "--currency", "premium", "--amount", amount, "--reason", reason];
  const promo = (reward: string) => ["promo", "create", "--code", "plain-lines", "--kind", "single_use", "--reward", reward];
  it.each(
    (
      [
        [grant("0"), /^error: --amount must be at least 1 \(1 to 9223372036854775807\), got 0 \[USAGE\]$/],
        [grant("-5"), /^error: --amount must be at least 1 \(1 to 9223372036854775807\), got -5 \[USAGE\]$/],
        [grant("9223372036854775808"), /^error: --amount must be at most 9223372036854775807 \(1 to 9223372036854775807\), got 9223372036854775808 \[USAGE\]$/],
        [grant("5", "r".repeat(65)), /^error: --reason must have at most 64 characters, got 65 \[USAGE\]$/],
        [grant("5", "   "), /^error: --reason must not be empty \[USAGE\]$/],
        [grant("5", "a\u0001\u001b[31mred"), /^error: --reason must not hold U\+0001, a control or bidirectional-override character \[USAGE\]$/],
        [grant("5", "refund \u202egnp"), /^error: --reason must not hold U\+202E, a control or bidirectional-override character \[USAGE\]$/],
        [["gold", "grant", "--character", "Nobody", "--amount", "0"], /^error: --amount must be at least 1 \(1 to 9223372036854775807\), got 0 \[USAGE\]$/],
        [
          ["mail", "send", "--to", "Nobody", "--subject", "s", "--body", "b".repeat(20_000)],
          /^error: --body must have at most 499 characters, got 20000 \[USAGE\]$/,
        ],
        [["mail", "send", "--to", "Nobody", "--subject", "s".repeat(50)], /^error: --subject must have at most 49 characters, got 50 \[USAGE\]$/],
        [
          ["mail", "send", "--to", "Nobody", "--subject", "s", ...Array.from({ length: 11 }, () => ["--item", "1:1"]).flat()],
          /^error: --item may be given at most 10 times, got 11 \[USAGE\]$/,
        ],
        [["ledger", "show", ...buyer, "--limit", "501"], /^error: --limit must be at most 500 \(1 to 500\), got 501 \[USAGE\]$/],
        [["ledger", "show", ...buyer, "--limit", "0"], /^error: --limit must be at least 1 \(1 to 500\), got 0 \[USAGE\]$/],
        [
          ["store", "buy", ...buyer, "--offer", "801", "--currency", "premium", "--price", "10", "--key", "k".repeat(3000)],
          /^error: --key must be 1 to 128 printable characters without spaces, got 3000 characters \[USAGE\]$/,
        ],
        [
          ["store", "buy", ...buyer, "--offer", "801", "--currency", "premium", "--price", "10", "--quantity", "1001"],
          /^error: --quantity must be at most 1000 \(1 to 1000\), got 1001 \[USAGE\]$/,
        ],
        [
          ["promo", "redeem", ...buyer, "--code", "x", "--key", "has space"],
          /^error: --key must be 1 to 128 printable characters without spaces, got 9 characters \[USAGE\]$/,
        ],
        [promo("premium:-5"), /^error: --reward must be at least 1 \(1 to 9223372036854775807\), got -5 \[USAGE\]$/],
        [promo("premium:0"), /^error: --reward must be at least 1 \(1 to 9223372036854775807\), got 0 \[USAGE\]$/],
        [promo("item:30001:5000"), /^error: --reward must be at most 1000 \(1 to 1000\), got 5000 \[USAGE\]$/],
        [
          ["pet", "xp", "--character", "Nobody", "--pet", "1", "--amount", "1000000001"],
          /^error: --amount must be at most 1000000000 \(1 to 1000000000\), got 1000000001 \[USAGE\]$/,
        ],
        [
          ["store", "restock", "--offer", "801", "--amount", "1000000001", "--expected-version", "1"],
          /^error: --amount must be at most 1000000000 \(1 to 1000000000\), got 1000000001 \[USAGE\]$/,
        ],
      ] as Array<[string[], RegExp]>
    ).map(([argv, message]) => ({ argv, message, command: title(argv) })),
  )("$command is one line naming the option and its bounds, exit 2", async ({ argv, message }) => {
    await refused(argv, message);
  });

  it("says in plain words, field by field, what an action refused as malformed input that no option check caught", async () => {
    await refused(
      ["account", "create", "--email", "not-an-email", "--password", "long enough"],
      /^error: invalid input: email must be an email address \[INVALID_INPUT\]$/,
    );
    await refused(
      ["account", "create", "--email", "short@example.test", "--password", "short"],
      /^error: invalid input: password must have at least 8 characters \[INVALID_INPUT\]$/,
    );
  });

  it("refuses an option given twice that takes one value (the last silently won: --amount 5 --amount 500 granted 500)", async () => {
    await refused(
      ["currency", "grant", "--email", "a@b.example", "--currency", "premium", "--amount", "5", "--amount", "500", "--reason", "x"],
      /^error: --amount given more than once: give each once \[USAGE\]$/,
    );
  });

  it("with --json, a usage error is one JSON line too, without the help", async () => {
    for (const argv of [
      ["account", "show", "--email", "a@b.example", "--bogus", "--json"],
      ["account", "show", "--json"],
      ["nosuch", "--json"],
      ["currency", "grant", "--amount", "1", "--amount", "2", "--json"],
    ]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n"), argv.join(" ")).toHaveLength(1);
      expect(JSON.parse(result.stderr), argv.join(" ")).toMatchObject({ error: { code: "USAGE", message: expect.any(String) } });
    }
  });

  it("refuses an exchange rate from a currency to itself by its options, before the database", async () => {
    await refused(
      ["store", "rate", "set", "--from", "premium", "--to", "premium", "--numerator", "2", "--expected-version", "0"],
      /^error: --to must be another currency than --from \(both premium\) \[USAGE\]$/,
    );
  });

  it("says an option given empty must not be empty, rather than that it is missing", async () => {
    const empty = await cli("mail", "send", "--to", "Nobody", "--subject", "");
    expect(empty.code).toBe(2);
    // One line, as for a blank subject (`'   '`), not the command's whole help.
    expect(empty.stderr).toBe("error: --subject must not be empty [USAGE]\n");
    const missing = await cli("mail", "send", "--to", "Nobody");
    expect(missing.stderr.split("\n")[0]).toBe("error: missing required option --subject [USAGE]");
  });
});
