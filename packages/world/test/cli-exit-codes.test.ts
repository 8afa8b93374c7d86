import { unreachablePostgresUrl } from "@bezgelor/db/testing";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/main";

async function cli(env: Record<string, string | undefined>, ...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("CLI exit codes for failures that are not the user's input", () => {
  it("exits 5 (unavailable) when PostgreSQL cannot be reached, naming the cause", async () => {
    const env = { DATABASE_URL: await unreachablePostgresUrl() };
    for (const argv of [
      ["account", "show", "--email", "a@b.example"],
      ["db", "migrate"],
    ]) {
      const result = await cli(env, ...argv);
      expect(result.code, argv.join(" ")).toBe(5);
      expect(result.stderr).toMatch(/CONNECTION_FAILED/);
    }
  });

  it("warns, in one line, of a BEZGELOR_ variable that is no setting (a misspelling was ignored unseen)", async () => {
    const result = await cli({ BEZGELOR_PROT: "1", DATABASE_URL: await unreachablePostgresUrl() }, "account", "show", "--email", "a@b.example");
    expect(result.stderr).toMatch(/^warning: BEZGELOR_PROT is not a setting \(misspelled\?\); ignored \(variable=BEZGELOR_PROT\)$/m);
  });

  it("gives --json's error its code once, in its field, and the message without it", async () => {
    const env = { DATABASE_URL: await unreachablePostgresUrl() };
    const result = await cli(env, "account", "show", "--email", "a@b.example", "--json");
    expect(result.code).toBe(5);
    const { error } = JSON.parse(result.stderr) as { error: { code: string; message: string } };
    expect(error.code).toBe("CONNECTION_FAILED");
    expect(error.message).not.toMatch(/\[[A-Z_]+\]/);
    const line = await cli(env, "account", "show", "--email", "a@b.example");
    expect(line.stderr).toBe(`error: ${error.message} [CONNECTION_FAILED]\n`);
  });

  it.each([["70000"], ["abc"], ["65536"], ["1.5"]])("refuses serve --port %s like BEZGELOR_PORT (exit 2, naming server.port)", async (port) => {
    const flag = await cli({}, "serve", "--port", port);
    const variable = await cli({ BEZGELOR_PORT: port }, "serve");
    expect(flag.code).toBe(2);
    expect(variable.code).toBe(2);
    expect(flag.stderr).toMatch(/server\.port/);
    expect(flag.stderr).not.toMatch(/RangeError/);
  });

  it("refuses game data it cannot read (BEZGELOR_GAME_DATA) in one line, exit 2, before opening the database, for serve and for a command that needs the rules (store import)", async () => {
    const missing = join(tmpdir(), `bezgelor-no-game-data-${process.pid}`);
    // An unreachable database: a command that got past the game data would exit 5 instead.
    const env = { BEZGELOR_GAME_DATA: missing, DATABASE_URL: await unreachablePostgresUrl() };
    for (const argv of [["serve"], ["store", "import"]]) {
      const result = await cli(env, ...argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr).toBe(
        `error: game data directory ${missing} (BEZGELOR_GAME_DATA, gameDataDir): factions.json: cannot read ${join(missing, "factions.json")} [CONFIG_INVALID]\n`,
      );
    }
  });
});
