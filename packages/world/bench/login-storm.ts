import { loadGameData } from "@bezgelor/data";
import { issueSessionKey, type DbClient } from "@bezgelor/db";
import { createTestDatabase, makeAccount, makeCharacter } from "@bezgelor/db/testing";
import { HeadlessClient } from "../src/client/headless-client";
import { WorldConfigSchema } from "../src/config/schema";
import { createLogger } from "../src/logging";
import { startWorldServer, type WorldServer } from "../src/server/world-server";
import { percentile, runPool } from "./pool";

/** Options of {@link benchLoginStorm}. */
export interface LoginStormOptions {
  readonly clients: number;
  readonly concurrency: number;
  /** How long each client waits for each server answer before the login counts as failed. */
  readonly timeoutMs?: number;
}

/** What {@link benchLoginStorm} measured; latencies cover connect → login → enterWorld. */
export interface LoginStormResult {
  readonly database: string;
  readonly clients: number;
  readonly concurrency: number;
  /** Creating the accounts, characters and session keys, before timing. */
  readonly setupSeconds: number;
  readonly wallSeconds: number;
  readonly loginsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly max: number };
  readonly failures: number;
  readonly firstError?: string;
  /**
   * Growth of the JS heap and of RSS while the storm's clients were connected, per client. Server
   * and headless clients share this process, so it bounds one session from above.
   */
  readonly memoryPerSessionKiB: { readonly heap: number; readonly rss: number };
}

interface Player {
  accountId: number;
  email: string;
  characterId: number;
  sessionKey: string;
}

/** Memory after a collection when node runs with --expose-gc (the bench script does), else as is. */
function settledMemory(): NodeJS.MemoryUsage {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
}

async function makePlayer(db: DbClient): Promise<Player> {
  const account = await makeAccount(db);
  const character = await makeCharacter(db, { accountId: account.id, faction: 167, worldId: 426, zoneId: 1 });
  const { sessionKey } = await issueSessionKey(db, { email: account.email });
  return { accountId: account.id, email: account.email, characterId: character.id, sessionKey };
}

function unwrap<T>(settled: PromiseSettledResult<T>[]): T[] {
  return settled.map((s) => {
    if (s.status === "rejected") throw s.reason;
    return s.value;
  });
}

async function logIn(world: WorldServer, player: Player, timeoutMs: number, opened: HeadlessClient[]): Promise<number> {
  const started = performance.now();
  const client = await HeadlessClient.connect({ host: "127.0.0.1", port: world.port, timeoutMs });
  opened.push(client);
  await client.login(player);
  await client.enterWorld(player.characterId);
  return performance.now() - started;
}

/**
 * Starts a world server in-process on 127.0.0.1 (random port) over a fresh test database (PGlite in
 * memory, or PostgreSQL when DATABASE_URL is set), makes one account and character per client, logs
 * one warm-up client in, then times `clients` headless clients logging in at once with at most
 * `concurrency` in flight. Clients stay connected until all are done; everything is shut down
 * before it resolves. Failed logins are counted, not thrown.
 * @throws when the database, the game data or the listener cannot be set up.
 */
export async function benchLoginStorm(options: LoginStormOptions): Promise<LoginStormResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const database = await createTestDatabase();
  const opened: HeadlessClient[] = [];
  let world: WorldServer | undefined;
  try {
    const config = WorldConfigSchema.parse({
      logLevel: "silent",
      // One client sends a handful of packets, but the limit must never be what is measured.
      server: { host: "127.0.0.1", port: 0, rateLimitPerSecond: 100_000, rateLimitBurst: 100_000, shutdownGraceSeconds: 5 },
    });
    const logger = createLogger({ level: config.logLevel });
    world = await startWorldServer({ config, database, data: await loadGameData(), logger });
    const server = world;

    const setupStarted = performance.now();
    const players = unwrap(await runPool(options.clients + 1, 16, () => makePlayer(database.client)));
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const [warmUp, ...storm] = players;
    if (warmUp) await logIn(server, warmUp, timeoutMs, opened);

    const memoryBefore = settledMemory();
    const started = performance.now();
    const settled = await runPool(storm.length, options.concurrency, (i) => logIn(server, storm[i] as Player, timeoutMs, opened));
    const wallSeconds = (performance.now() - started) / 1000;
    const memoryAfter = settledMemory();
    const perClient = (bytes: number) => bytes / Math.max(1, storm.length) / 1024;

    const latencies = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : [])).sort((a, b) => a - b);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    return {
      database: database.kind,
      clients: options.clients,
      concurrency: options.concurrency,
      setupSeconds,
      wallSeconds,
      loginsPerSecond: latencies.length / wallSeconds,
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) ?? 0 },
      failures: settled.length - latencies.length,
      memoryPerSessionKiB: {
        heap: perClient(memoryAfter.heapUsed - memoryBefore.heapUsed),
        rss: perClient(memoryAfter.rss - memoryBefore.rss),
      },
      ...(failed ? { firstError: String(failed.reason instanceof Error ? failed.reason.message : failed.reason) } : {}),
    };
  } finally {
    await Promise.all(opened.map((c) => c.close().catch(() => undefined)));
    await world?.shutdown("benchmark over");
    await database.close();
  }
}
