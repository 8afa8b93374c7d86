// The offline journal against real outages and a real crash, on a throwaway PostgreSQL cluster
// this test starts itself (never the machine's shared server): with the cluster stopped, players'
// purchases are acknowledged as pending; the world server is killed with SIGKILL; cluster and
// server start again, and every acknowledged purchase is applied exactly once. An embedded server
// started from the same place in between (another database) applies none of them.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { auditLedger, getBalances, getDatabaseIdentity, grantCurrency, issueSessionKey, openDatabase, STORE_ERROR, type Database } from "@bezgelor/db";
import { makeAccount, makeCharacter, testActionOptions } from "@bezgelor/db/testing";
import { STORE_CURRENCY_ID } from "@bezgelor/protocol";
import { afterAll, describe, expect, it } from "vitest";
import { HeadlessClient } from "../src/client/headless-client";

const BIN = path.resolve(import.meta.dirname, "../src/bin.ts");

/** The PostgreSQL server programs of this machine (Debian keeps them out of PATH). */
function pgBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  const bin = version && path.join(root, version, "bin");
  return bin && existsSync(path.join(bin, "initdb")) ? bin : undefined;
}

const bin = pgBin();
const children: ChildProcess[] = [];
let tmp: string | undefined;
let clusterDir: string | undefined;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

/** The account the cluster runs as: PostgreSQL refuses root, so as root it runs as `postgres`. */
const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL server program (as `postgres` when this process is root). */
function pgProgram(program: string, args: string[]): void {
  if (!bin) throw new Error("no PostgreSQL programs");
  const file = path.join(bin, program);
  if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", file, ...args], { stdio: "ignore" });
  else execFileSync(file, args, { stdio: "ignore" });
}

function pgCtl(...args: string[]): void {
  if (!clusterDir) throw new Error("no cluster");
  pgProgram("pg_ctl", ["-D", clusterDir, "-w", ...args]);
}

/** Starts `bezgelor serve` and resolves with its port once it listens; `logs` fills with its log lines. */
function serve(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number; logs: Record<string, unknown>[] }> {
  const child = spawn(process.execPath, ["--conditions=@bezgelor/source", "--import", "tsx", BIN, "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const logs: Record<string, unknown>[] = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (entry.msg === "world server listening") resolve({ child, port: Number(entry.port), logs });
    });
    child.on("exit", (code) => reject(new Error(`server exited early with ${code}`)));
  });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  if (clusterDir && existsSync(path.join(clusterDir, "postmaster.pid"))) pgCtl("stop", "-m", "immediate");
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// Runs with the PostgreSQL suite (DATABASE_URL set): it is about PostgreSQL going away, and it
// needs the server programs, not only a client.
describe.skipIf(!process.env.DATABASE_URL || !bin)("the offline journal across an outage and kill -9 (throwaway PostgreSQL cluster)", () => {
  it("applies every acknowledged purchase exactly once", { timeout: 300_000 }, async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "bezgelor-journal-crash-"));
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
      chownSync(tmp, uid, gid); // the cluster's files and socket live here
    }
    clusterDir = path.join(tmp, "cluster");
    pgProgram("initdb", ["-D", clusterDir, "-U", "postgres", "-A", "trust", "--no-sync"]);
    const pgPort = await freePort();
    const start = () => pgCtl("start", "-l", path.join(tmp!, "pg.log"), "-o", `-p ${pgPort} -k ${tmp} -c listen_addresses=127.0.0.1 -c fsync=off`);
    start();
    pgProgram("createdb", ["-h", "127.0.0.1", "-p", String(pgPort), "-U", "postgres", "bezgelor"]);
    const url = `postgresql://postgres@127.0.0.1:${pgPort}/bezgelor`;
    const journalFile = path.join(tmp, "store-journal.jsonl");
    const env = {
      ...process.env,
      DATABASE_URL: url,
      BEZGELOR_PORT: "0",
      BEZGELOR_HOST: "127.0.0.1",
      BEZGELOR_LOG_LEVEL: "info",
      BEZGELOR_STORE_JOURNAL: journalFile,
      BEZGELOR_STORE_JOURNAL_RETRY: "0.5",
    };

    const first = await serve(env); // migrates, imports the shipped catalog, reads it
    let db: Database = await openDatabase({ config: { url } });
    const opts = await testActionOptions();
    const account = await makeAccount(db.client);
    const character = await makeCharacter(db.client, { accountId: account.id, faction: 167, worldId: 426, zoneId: 1 });
    await grantCurrency(db.client, { ...opts, currency: "premium", accountId: account.id, amount: 2000n, reason: "test funds", source: "admin" });
    const { sessionKey } = await issueSessionKey(db.client, { email: account.email });
    const pgIdentity = await getDatabaseIdentity(db.client);
    await db.close();

    const client = await HeadlessClient.connect({ host: "127.0.0.1", port: first.port, timeoutMs: 20_000 });
    await client.login({ accountId: account.id, email: account.email, sessionKey });
    await client.enterWorld(character.id);
    await client.openStore();

    pgCtl("stop", "-m", "immediate"); // the database goes away
    const pending = { success: false, error: STORE_ERROR.PurchasePending };
    for (const transactionId of [1, 2, 3]) {
      expect(await client.buy({ offerId: 401, currencyId: STORE_CURRENCY_ID.NCoin, price: 400, transactionId })).toEqual(pending);
    }
    expect(await client.buy({ offerId: 401, currencyId: STORE_CURRENCY_ID.NCoin, price: 400, transactionId: 2 })).toEqual(pending); // a retry
    first.child.kill("SIGKILL"); // the server dies with three purchases acknowledged
    await new Promise((r) => first.child.once("exit", r));
    expect(readFileSync(journalFile, "utf8").trim().split("\n")).toHaveLength(3);

    // The embedded database started from the same place (same journal file) is another database:
    // it holds the three purchases, untouched, and says whose they are.
    const { DATABASE_URL: _url, ...embeddedEnv } = env;
    const embedded = await serve({ ...embeddedEnv, BEZGELOR_DB_DIR: path.join(tmp, "embedded-db") });
    const held = await until(
      () => Promise.resolve(embedded.logs.find((l) => typeof l.msg === "string" && l.msg.includes("made for another database"))),
      (line) => line !== undefined,
    );
    expect(held).toMatchObject({ count: 3, journalDatabase: pgIdentity });
    await new Promise((r) => setTimeout(r, 1500)); // a few replay periods
    embedded.child.kill("SIGTERM");
    await new Promise((r) => embedded.child.once("exit", r));
    expect(readFileSync(journalFile, "utf8").trim().split("\n")).toHaveLength(3);

    start();
    const second = await serve(env); // replays the journal at start
    db = await openDatabase({ config: { url } });
    const balances = await until(
      () => getBalances(db.client, { accountId: account.id }),
      (b) => b.premium === 800n,
    );
    expect(balances.premium).toBe(800n);
    await until(
      () => Promise.resolve(readFileSync(journalFile, "utf8")),
      (text) => text === "",
    );
    expect(readFileSync(journalFile, "utf8")).toBe("");
    expect(await db.client.storePurchase.count({ where: { accountId: account.id } })).toBe(3);

    // Once more from the top: nothing is applied again.
    second.child.kill("SIGKILL");
    await new Promise((r) => second.child.once("exit", r));
    const third = await serve(env);
    await new Promise((r) => setTimeout(r, 1500)); // a few replay periods
    expect((await getBalances(db.client, { accountId: account.id })).premium).toBe(800n);
    await expect(auditLedger(db.client)).resolves.toMatchObject({ ok: true });
    await db.close();
    third.child.kill("SIGTERM");
    await client.close().catch(() => undefined);
  });
});
