import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { createServer, type AddressInfo } from "node:net";
import { AUTH_MESSAGE, CLIENT_BUILD, CONNECTION_TYPE_WORLD, PacketChannel, ServerHello } from "@bezgelor/protocol";
import { describe, expect, it } from "vitest";
import { PROMO_CODE_KINDS } from "@bezgelor/db";
import { cliHarness } from "./support/cli";
import { COMMANDS } from "../src/cli/commands/index";

const harness = cliHarness("cli");
const { cli, realCli } = harness;

const email = `cli-${randomUUID()}@example.test`;
const name = `Cli${randomUUID()
  .replace(/[^a-z]/g, "")
  .slice(0, 10)}`;

describe("bezgelor CLI", () => {
  it("has --help on every command", async () => {
    for (const command of COMMANDS) {
      const help = await cli(...command.path, "--help");
      expect(help.code, command.path.join(" ")).toBe(0);
      expect(help.stdout).toContain(`bezgelor ${command.path.join(" ")}`);
      if (command.printsData) expect(help.stdout).toContain("--json");
      // The help marks a repeatable option once; a description does not say it again.
      expect(help.stdout, command.path.join(" ")).not.toMatch(/repeatable.*repeatable/);
    }
  });

  it("explains each promo code kind in promo create --help", async () => {
    const help = (await cli("promo", "create", "--help")).stdout;
    for (const kind of PROMO_CODE_KINDS) expect(help).toMatch(new RegExp(`^  ${kind} +\\S`, "m"));
  });

  it("creates and shows accounts, with exit codes scripts can use", async () => {
    const created = await cli("account", "create", "--email", email, "--password", "cli-password", "--json");
    expect(created.code).toBe(0);
    expect(created.json()).toMatchObject({ email, role: "player" });
    expect((await cli("account", "create", "--email", email.toUpperCase(), "--password", "cli-password")).code).toBe(4);
    expect((await cli("account", "create", "--email", "not-an-email", "--password", "cli-password")).code).toBe(2);
    expect((await cli("account", "show", "--email", `nobody-${email}`)).code).toBe(3);
    expect((await cli("account", "role", "--email", email, "--role", "gm", "--json")).json()).toMatchObject({ role: "gm" });
    expect((await cli("account", "role", "--email", email, "--role", "emperor")).code).toBe(2);
    expect((await cli("account", "password", "--email", email, "--password", "short")).code).toBe(2);
  });

  it("opens and releases the directory itself when run without the shared database", async () => {
    // Each command holds the directory only while it runs: the second finds it free and sees the first's account.
    const first = await realCli("account", "show", "--email", email, "--json");
    expect(first.code, first.stderr).toBe(0);
    expect(first.json()).toMatchObject({ email, role: "gm" });
    expect((await realCli("db", "migrate")).stdout).toContain("database is up to date");
    expect((await cli("account", "show", "--email", email)).code).toBe(0);
  });

  it.skipIf(process.env.DATABASE_URL)("says in one line, not pino's JSON, that it took over the lock of a command that died", async () => {
    // A pid that existed and is gone: the lock's holder died without releasing it (kill -9).
    expect((await realCli("db", "migrate")).code).toBe(0);
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const holder = { pid: dead, hostname: hostname(), startedAt: new Date().toISOString(), command: "bezgelor killed", token: randomUUID() };
    writeFileSync(join(harness.env.BEZGELOR_DB_DIR!, "bezgelor.lock"), JSON.stringify(holder));
    const shown = await realCli("db", "migrate");
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stderr).toMatch(new RegExp(`^warning: taking over stale database lock of dead pid ${dead} \\(lock=\\S+bezgelor\\.lock, holder=\\{`, "m"));
    expect(shown.stderr).not.toContain('"level"');
  });

  it("issues 32-hex-digit session keys", async () => {
    const issued = await cli("session", "issue", "--email", email);
    expect(issued.code).toBe(0);
    expect(issued.stdout.trim()).toMatch(/^[0-9a-f]{32}$/);
  });

  it("creates and lists characters, grants gold, refuses bad amounts", async () => {
    const created = await cli("character", "create", "--email", email, "--name", name, "--race", "chua", "--class", "esper", "--faction", "dominion", "--json");
    expect(created.code).toBe(0);
    expect(created.json()).toMatchObject({ name, race: 13, class: 3, faction: 166, gold: "0", worldId: 870 });
    expect((await cli("character", "create", "--email", email, "--name", name.toUpperCase())).code).toBe(4);
    expect((await cli("character", "create", "--email", email, "--name", "Zed", "--race", "elf")).stderr).toContain("unknown race");
    const granted = await cli("gold", "grant", "--character", name, "--amount", "1500", "--json");
    expect(granted.json()).toMatchObject({ currency: "gold", delta: "1500", balance: "1500", replayed: false });
    expect((await cli("gold", "grant", "--character", name, "--amount", "-5")).code).toBe(2);
    const listed = await cli("character", "list", "--email", email, "--json");
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name, gold: "1500" })]);
  });

  it("refuses a race, class and faction the character-creation screen does not offer (exit 2), creating nothing", async () => {
    // Named from the game data with the ids kept, never bare numbers.
    const refused: Array<[string, string[], string]> = [
      ["aurin warrior", ["--race", "aurin", "--class", "warrior"], "Aurin (race 4), Warrior (class 1), "],
      ["chua warrior exile", ["--race", "chua", "--class", "warrior", "--faction", "exile"], "Chua (race 13), Warrior (class 1), "],
      ["mordesh esper dominion", ["--race", "mordesh", "--class", "esper", "--faction", "dominion"], "Mordesh (race 16), Esper (class 3), "],
    ];
    for (const [label, choice, named] of refused) {
      const result = await cli("character", "create", "--email", email, "--name", "Notoffered", ...choice);
      expect(result.code, label).toBe(2);
      expect(result.stderr, label).toContain(named);
      expect(result.stderr, label).toContain("is not a character-creation choice; offered instead: ");
      expect(result.stderr, label).toContain("[CHARACTER_CREATION_NOT_OFFERED]");
    }
    const listed = await cli("character", "list", "--email", email, "--json");
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name })]);
  });

  it("refuses a malformed bot key, stay or chat line with exit 2, and says plainly when no server answers (exit 5)", async () => {
    const badKey = await cli("bot", "--email", email, "--key", "zzzz");
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain("--key must be the 32 hex digits");
    expect((await cli("bot", "--email", email, "--stay", "soon")).code).toBe(2);
    for (const port of ["70000", "0", "abc", "1.5"]) {
      const badPort = await cli("bot", "--email", email, "--port", port);
      expect(badPort.code, port).toBe(2);
      expect(badPort.stderr).toMatch(/^error: --port must be (a whole number from|at least 1|at most 65535).* \(?1 to 65535\)?, got /);
    }
    const long = await cli("bot", "--email", email, "--say", "x".repeat(1025));
    expect(long.code).toBe(2);
    expect(long.stderr).toContain("at most 1024 characters");
    // Nothing listens on port 1: the server is unreachable (exit 5), said in one line, no stack.
    const nobody = await cli("bot", "--email", email, "--port", "1");
    expect(nobody.code).toBe(5);
    expect(nobody.stderr).toContain("no world server answers on");
    expect(nobody.stderr).not.toMatch(/\n\s+at /);
    // A character the account does not have is found from the database before connecting (logging
    // in would take the account over from a live session): not found (exit 3), not "no server" (exit 5).
    const unknown = await cli("bot", "--email", email, "--port", "1", "--character", "Nope");
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/^error: no character named Nope on \S+ \[NOT_FOUND\]\n$/);
  });

  it("tells a server that drops the connection at login (exit 5) from one that refuses the key (exit 6)", async () => {
    // Says hello as a world server does, then closes the connection on the login packet: what a
    // server that stops, or refuses a key, looks like to the client.
    const server = createServer((socket) => {
      const hello = new PacketChannel({ role: "server" }).encode(ServerHello, {
        authVersion: CLIENT_BUILD,
        realmId: 1,
        realmGroupId: 21,
        realmGroupEnum: 0,
        startupTime: 0n,
        listenPort: 0,
        connectionType: CONNECTION_TYPE_WORLD,
        authMessage: AUTH_MESSAGE,
        processId: 1,
        processCreationTime: 0n,
        unknown30: 0,
      });
      socket.write(hello);
      socket.once("data", () => socket.destroy());
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = String((server.address() as AddressInfo).port);
    try {
      // A key the bot issues itself is valid: the server went away.
      const dropped = await cli("bot", "--email", email, "--port", port);
      expect(dropped.code, dropped.stderr).toBe(5);
      expect(dropped.stderr).toContain("though the session key is valid");
      // A well-formed key that is not the account's: refused.
      const refused = await cli("bot", "--email", email, "--port", port, "--key", "0".repeat(32));
      expect(refused.code, refused.stderr).toBe(6);
      expect(refused.stderr).toContain("the session key was not accepted: it is not this account's current key");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("rejects unknown commands and options", async () => {
    expect((await cli("frobnicate")).code).toBe(2);
    expect((await cli("account", "show", "--email", email, "--bogus")).code).toBe(2);
    // No command at all is a usage error too (a script that lost its command word must not pass).
    const bare = await cli();
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^error: no command given \[USAGE\]\n\nUsage: bezgelor/);
    // The command is named by its words, not the option values after them.
    const unknown = await cli("store", "rate", "show", "--from", "premium", "--to", "bonus");
    expect(unknown.stderr.split("\n")[0]).toBe("error: unknown command: store rate show [USAGE]");
    const help = await cli("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: bezgelor");
  });
});
