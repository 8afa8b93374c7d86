import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { HeadlessClient } from "../src/client/headless-client";

const BIN = resolve(import.meta.dirname, "../src/bin.ts");
const dir = mkdtempSync(join(tmpdir(), "bezgelor-process-"));
// A poll once a minute: another process's events must reach the server through its NOTIFY.
const env = {
  ...process.env,
  BEZGELOR_DB_DIR: join(dir, "db"),
  BEZGELOR_LOG_LEVEL: "info",
  BEZGELOR_PORT: "0",
  BEZGELOR_HOST: "127.0.0.1",
  BEZGELOR_EVENT_POLL_INTERVAL: "60000",
};
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

function bezgelor(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--conditions=@bezgelor/source", "--import", "tsx", BIN, ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("the bezgelor binary", () => {
  // Each CLI call is a Node process compiling TypeScript on start: a budget for a loaded machine.
  it("serves, lets the CLI work alongside through the server, and stops cleanly on SIGTERM", { timeout: 300_000 }, async () => {
    const server = spawn(process.execPath, ["--conditions=@bezgelor/source", "--import", "tsx", BIN, "serve"], { env });
    children.push(server);
    const lines: Record<string, unknown>[] = [];
    const listening = new Promise<number>((resolvePort, reject) => {
      createInterface({ input: server.stdout }).on("line", (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        lines.push(entry);
        if (entry.msg === "world server listening") resolvePort(Number(entry.port));
      });
      server.on("exit", (code) => reject(new Error(`server exited early with ${code}`)));
    });
    const port = await listening;

    const email = `proc-${process.pid}-${Date.now()}@example.test`;
    // Unique per run: with DATABASE_URL the suite may meet a database an earlier run used.
    const name = `Proc${[...Array(8)].map(() => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
    expect((await bezgelor(["account", "create", "--email", email, "--password", "process-test-pw"])).code).toBe(0);
    expect((await bezgelor(["character", "create", "--email", email, "--name", name])).code).toBe(0);
    const issued = await bezgelor(["session", "issue", "--email", email, "--json"]);
    const { accountId, sessionKey } = JSON.parse(issued.stdout) as { accountId: number; sessionKey: string };
    expect(sessionKey).toMatch(/^[0-9a-f]{32}$/);

    const client = await HeadlessClient.connect({ host: "127.0.0.1", port });
    const list = await client.login({ accountId, email, sessionKey });
    await client.enterWorld(list.characters[0]?.id ?? 0n);
    expect((await client.waitFor("ServerCombatReward")).newValue).toBe(0n);

    // Another process changes what the online player owns: its event reaches the client as the
    // genuine packet, woken by the NOTIFY the CLI sends after its commit (the poll is a minute away).
    const key = `process-${Date.now()}`;
    const grant = [
      "currency",
      "grant",
      "--email",
      email,
      "--character",
      name,
      "--currency",
      "gold",
      "--amount",
      "777",
      "--reason",
      "process test",
      "--key",
      key,
    ];
    const granted = await bezgelor(grant);
    expect(granted.code).toBe(0);
    expect((await client.waitFor("ServerCombatReward")).newValue).toBe(777n);
    // The operator's retry with the same key pays nothing more.
    expect((await bezgelor(grant)).code).toBe(0);
    const ledger = await bezgelor(["ledger", "show", "--email", email, "--character", name, "--json"]);
    expect(JSON.parse(ledger.stdout)).toHaveLength(1);
    expect((await bezgelor(["ledger", "audit"])).code).toBe(0);

    const exited = new Promise<number | null>((r) => server.on("exit", (code) => r(code)));
    // A Ctrl-C reaches the process group and runners forward it again: the second must not kill the drain.
    server.kill("SIGTERM");
    server.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(client.log.at(-1)?.name).toBe("ServerLogout");
    expect(lines.map((l) => l.msg)).toContain("world server stopped");

    // The lock is released: the CLI now opens the directory itself.
    const shown = await bezgelor(["account", "show", "--email", email, "--json"]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: accountId, email, role: "player" });
  });

  it("a SIGTERM during start-up lets start-up finish, then stops cleanly and releases the directory", { timeout: 300_000 }, async () => {
    // A directory of its own, created by this start (the slowest start there is).
    const own = { ...env, BEZGELOR_DB_DIR: join(dir, "db-stopped-early"), BEZGELOR_STORE_JOURNAL: join(dir, "stopped-early.jsonl") };
    const server = spawn(process.execPath, ["--conditions=@bezgelor/source", "--import", "tsx", BIN, "serve"], { env: own });
    children.push(server);
    const messages: string[] = [];
    createInterface({ input: server.stdout }).on("line", (line) => {
      const { msg } = JSON.parse(line) as { msg: string };
      messages.push(msg);
      // The first line is logged once serve runs: the database is not open yet.
      if (messages.length === 1) server.kill("SIGTERM");
    });
    const code = await new Promise<number | null>((done) => server.on("exit", (c) => done(c)));
    expect(code, messages.join("\n")).toBe(0);
    expect(messages).toContain("a stop was requested while starting: stopping now");
    expect(messages).toContain("world server stopped");
    if (!process.env.DATABASE_URL) expect(existsSync(join(own.BEZGELOR_DB_DIR, "bezgelor.lock"))).toBe(false);
  });

  it("answers bad usage with exit code 2 and unknown data with 3", async () => {
    const usage = await bezgelor(["account", "create", "--email", "x@example.test"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("missing required option --password");
    const missing = await bezgelor(["account", "show", "--email", "nobody@example.test"]);
    expect(missing.code).toBe(3);
    expect((await bezgelor(["--help"])).stdout).toContain("session issue");
  });
});
