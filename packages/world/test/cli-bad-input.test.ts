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
      /^error: --amount must be a positive whole number, got -5 \[USAGE\]$/,
    ],
    [
      ["store", "buy", ...buyer, "--offer", "101", "--currency", "premium", "--price", "-1"],
      /^error: --price must not be negative \(0 to 9223372036854775807\), got -1 \[USAGE\]$/,
    ],
    [["ledger", "show", ...buyer, "--offset", "-1"], /^error: --offset must not be negative \(0 to 999999999\), got -1 \[USAGE\]$/],
    [["collection", "grant", ...buyer, "--mount", "-1"], /^error: --mount must not be negative \(1 to 2147483647\), got -1 \[USAGE\]$/],
    [
      ["mail", "send", "--to", "Nobody", "--subject", "s", "--body", "b", "--gold", "99999999999999999999999"],
      /^error: --gold is out of range \(0 to 9223372036854775807\), got 99999999999999999999999 \[USAGE\]$/,
    ],
    [
      ["store", "deal", "set", "--date", "2027-01-01", "--offer", "99999999999", "--percent", "10"],
      /^error: --offer is out of range \(1 to 2147483647\), got 99999999999 \[USAGE\]$/,
    ],
  ])("%j is one line saying what is wrong, exit 2", async (argv, message) => {
    await refused(argv, message);
  });
});
