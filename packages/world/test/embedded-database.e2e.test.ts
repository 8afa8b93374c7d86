// The world server on the embedded database as `serve` opens it (PGlite on its own thread): packets
// are handled while a long statement runs, because the statement does not run on the event loop.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadGameData } from "@bezgelor/data";
import { makeAccount, makeCharacter } from "@bezgelor/db/testing";
import { issueSessionKey, openDatabase, type Database } from "@bezgelor/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HeadlessClient } from "../src/client/headless-client";
import { WorldConfigSchema } from "../src/config/schema";
import { createLogger } from "../src/logging";
import { startWorldServer, type WorldServer } from "../src/server/world-server";

let dir: string;
let database: Database;
let world: WorldServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "bezgelor-embedded-world-"));
  database = await openDatabase({ config: { dir }, share: true });
  const config = WorldConfigSchema.parse({ logLevel: "silent", server: { host: "127.0.0.1", port: 0 } });
  world = await startWorldServer({ config, database, data: await loadGameData(), logger: createLogger({ level: "silent" }) });
});
afterAll(async () => {
  await world?.shutdown("test over");
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the world server on the embedded database", () => {
  it("answers a new connection while a long statement runs in the database", async () => {
    const started = performance.now();
    let finished = 0;
    const heavy = database.client.$queryRawUnsafe("SELECT count(*)::int AS n FROM generate_series(1, 5000000)").then(() => {
      finished = performance.now();
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const client = await HeadlessClient.connect({ host: "127.0.0.1", port: world.port, timeoutMs: 30_000 });
    const answered = performance.now();
    await client.close();
    await heavy;
    // With the database on the event loop the ServerHello would wait for the whole statement.
    expect(finished - started).toBeGreaterThan(300);
    expect(finished === 0 || answered < finished).toBe(true);
    expect(answered - started).toBeLessThan((finished - started) / 2);
  });

  it("logs a player in and into the world through the database's thread", async () => {
    const account = await makeAccount(database.client);
    const character = await makeCharacter(database.client, { accountId: account.id, worldId: 426, zoneId: 1 });
    const { sessionKey } = await issueSessionKey(database.client, { email: account.email });
    const client = await HeadlessClient.connect({ host: "127.0.0.1", port: world.port, timeoutMs: 30_000 });
    try {
      const list = await client.login({ accountId: account.id, email: account.email, sessionKey });
      expect(list.characters.map((c) => Number(c.id))).toEqual([character.id]);
      expect((await client.enterWorld(character.id)).worldId).toBe(426);
    } finally {
      await client.close();
    }
  });
});
