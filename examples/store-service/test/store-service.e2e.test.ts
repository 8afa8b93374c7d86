// The example service as another team runs it: its build in its own process, reaching the same
// database as a running world server (PostgreSQL with DATABASE_URL, else the embedded directory
// through the server's socket). A purchase over HTTP charges once per key, and the player online
// in the world sees the new balance at once.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadGameData, storeCatalogOf } from "@bezgelor/data";
import { auditLedger, getBalances, grantCurrency, importStoreCatalog, issueSessionKey, openDatabase, type Database } from "@bezgelor/db";
import { createTestPostgresDatabase, makeAccount, makeCharacter, testActionOptions } from "@bezgelor/db/testing";
import { ACCOUNT_CURRENCY_TYPE } from "@bezgelor/protocol";
import { createLogger, HeadlessClient, startWorldServer, WorldConfigSchema, type WorldServer } from "@bezgelor/world";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let database: Database;
let world: WorldServer;
let service: ChildProcess;
let base: string;
const cleanups: (() => Promise<void>)[] = [];

/** The world's database, and the environment that points the service at the same one. */
async function sharedDatabase(): Promise<{ database: Database; env: Record<string, string> }> {
  if (process.env.DATABASE_URL) {
    const pg = await createTestPostgresDatabase();
    cleanups.push(() => pg.drop());
    return { database: await openDatabase({ config: { url: pg.url } }), env: { DATABASE_URL: pg.url } };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "bezgelor-store-service-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return { database: await openDatabase({ config: { dir }, share: true }), env: { BEZGELOR_DB_DIR: dir } };
}

/** Starts dist/main.js and resolves with the port it printed. */
function startService(env: Record<string, string>): Promise<number> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  service = spawn(process.execPath, [path.join(packageDir, "dist/main.js")], {
    cwd: packageDir,
    env: { ...inherited, STORE_SERVICE_PORT: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  service.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let out = "";
    service.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve((JSON.parse(line) as { listening: { port: number } }).listening.port);
    });
    service.on("exit", (code) => reject(new Error(`the service exited (${code}) before listening; stderr:\n${stderr}`)));
  });
}

async function call(method: string, route: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  const shared = await sharedDatabase();
  database = shared.database;
  const data = await loadGameData();
  await importStoreCatalog(database.client, { catalog: storeCatalogOf(data) });
  const config = WorldConfigSchema.parse({ logLevel: "warn", server: { host: "127.0.0.1", port: 0 } });
  world = await startWorldServer({ config, database, data, logger: createLogger({ level: "silent" }) });
  base = `http://127.0.0.1:${await startService(shared.env)}`;
});

afterAll(async () => {
  if (service && service.exitCode === null) {
    const exited = new Promise((resolve) => service.once("exit", resolve));
    service.kill("SIGTERM");
    await exited;
  }
  await world?.shutdown("test over");
  await database?.close();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A player with `premium` NCoin, in the world, with the balance packet of entering taken. */
async function playerOnline(premium: bigint) {
  const opts = await testActionOptions();
  const account = await makeAccount(database.client);
  const character = await makeCharacter(database.client, { accountId: account.id, faction: 167, worldId: 426, zoneId: 1 });
  await grantCurrency(database.client, { ...opts, currency: "premium", accountId: account.id, amount: premium, reason: "test funds", source: "admin" });
  const { sessionKey } = await issueSessionKey(database.client, { email: account.email });
  const client = await HeadlessClient.connect({ host: "127.0.0.1", port: world.port, timeoutMs: 10_000 });
  cleanups.push(() => client.close());
  await client.login({ accountId: account.id, email: account.email, sessionKey });
  await client.enterWorld(character.id);
  await client.waitFor("ServerAccountCurrencySet");
  return { accountId: account.id, characterId: character.id, client };
}

const ncoinOf = (packet: { accountCurrencies: readonly { accountCurrencyType: number; amount: bigint }[] }) =>
  packet.accountCurrencies.find((c) => c.accountCurrencyType === ACCOUNT_CURRENCY_TYPE.NCoin)?.amount;

describe("examples/store-service", () => {
  it("serves the catalog with the prices the game charges", async () => {
    const { status, body } = await call("GET", "/catalog");
    expect(status).toBe(200);
    const regalia = (body.offers as { offer: { id: number }; prices: { currency: string; finalPrice: string }[] }[]).find((o) => o.offer.id === 401);
    expect(regalia?.prices).toEqual([expect.objectContaining({ currency: "premium", finalPrice: "400" })]);
  });

  it("a purchase charges once per key, the online player sees the balance at once, and a reused key for another request is refused", async () => {
    const p = await playerOnline(1000n);
    const order = { accountId: p.accountId, characterId: p.characterId, offerId: 401, currency: "premium", price: "400" };
    const first = await call("POST", "/purchases", order, { "idempotency-key": "order-1" });
    expect(first).toMatchObject({ status: 201, body: { replayed: false, purchase: { offerId: 401, amountPaid: "400" } } });
    // Event delivery carries the service's purchase to the world server, which tells the player.
    const seen = await p.client.waitFor("ServerAccountCurrencySet", (v) => ncoinOf(v) === 600n);
    expect(ncoinOf(seen)).toBe(600n);

    const retry = await call("POST", "/purchases", order, { "idempotency-key": "order-1" });
    expect(retry).toMatchObject({ status: 200, body: { replayed: true, purchase: { amountPaid: "400" } } });
    const other = await call("POST", "/purchases", { ...order, offerId: 501, price: "700" }, { "idempotency-key": "order-1" });
    expect(other).toMatchObject({ status: 422, body: { error: "IDEMPOTENCY_KEY_REUSED" } });

    await expect(getBalances(database.client, { accountId: p.accountId })).resolves.toMatchObject({ premium: 600n });
    expect((await call("GET", `/balances?accountId=${p.accountId}&characterId=${p.characterId}`)).body).toMatchObject({ premium: "600" });
  });

  it("refuses bad requests with a clear code and charges nothing", async () => {
    const p = await playerOnline(100n);
    const order = { accountId: p.accountId, characterId: p.characterId, offerId: 401, currency: "premium", price: "400" };
    expect(await call("POST", "/purchases", order)).toMatchObject({ status: 400, body: { error: "INVALID_INPUT" } }); // no key
    expect(await call("POST", "/purchases", "{not json", { "idempotency-key": "k-1" })).toMatchObject({ status: 400, body: { error: "INVALID_JSON" } });
    expect(await call("POST", "/purchases", { ...order, price: "-5" }, { "idempotency-key": "k-2" })).toMatchObject({ status: 400 });
    expect(await call("POST", "/purchases", { ...order, price: "300" }, { "idempotency-key": "k-3" })).toMatchObject({
      status: 409,
      body: { error: "STORE_PRICE_CHANGED" },
    });
    expect(await call("POST", "/purchases", order, { "idempotency-key": "k-4" })).toMatchObject({ status: 409, body: { error: "INSUFFICIENT_FUNDS" } });
    expect(await call("POST", "/purchases", { ...order, offerId: 999_999 }, { "idempotency-key": "k-5" })).toMatchObject({
      status: 404,
      body: { error: "STORE_OFFER_NOT_FOUND" },
    });
    expect(await call("POST", "/purchases", "x".repeat(20_000), { "idempotency-key": "k-6" })).toMatchObject({ status: 413 });
    expect(await call("DELETE", "/purchases")).toMatchObject({ status: 404, body: { error: "NO_SUCH_ROUTE" } });
    // Media types compare case-insensitively, and only application/json is JSON.
    expect(await call("POST", "/purchases", order, { "idempotency-key": "k-7", "content-type": "application/jsonx" })).toMatchObject({ status: 415 });
    expect(await call("POST", "/purchases", order, { "idempotency-key": "k-8", "content-type": "APPLICATION/JSON; charset=utf-8" })).toMatchObject({
      status: 409,
      body: { error: "INSUFFICIENT_FUNDS" },
    });
    await expect(getBalances(database.client, { accountId: p.accountId })).resolves.toMatchObject({ premium: 100n });
    await expect(auditLedger(database.client)).resolves.toMatchObject({ ok: true });
  });

  it("on the embedded database, refuses to start on a directory no world server holds (a wrong path never becomes a new database)", async () => {
    const dir = path.join(os.tmpdir(), `bezgelor-no-server-${process.pid}`);
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [path.join(packageDir, "dist/main.js")], {
      env: { ...inherited, STORE_SERVICE_PORT: "0", BEZGELOR_DB_DIR: dir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("no world server holds this embedded database directory");
    expect(existsSync(dir)).toBe(false);
  });
});
