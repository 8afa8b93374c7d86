import { loadGameData, type GameData } from "@bezgelor/data";
import { issueSessionKey, type AccountRole, type Database, type PrismaClient } from "@bezgelor/db";
import { createRefusingDatabase, createTestDatabase, createUnreachableDatabase, makeAccount, makeCharacter } from "@bezgelor/db/testing";
import { HeadlessClient } from "../../src/client/headless-client";
import type { OfflineJournal } from "../../src/journal/offline-journal";
import { WorldConfigSchema, type WorldConfig } from "../../src/config/schema";
import { createLogger } from "../../src/logging";
import { startWorldServer, type WorldServer } from "../../src/server/world-server";
import { stepWorld } from "../../src/game/world-step";

/**
 * Every query waits `ms` first. PGlite answers within one event-loop turn, so without this no test
 * could observe packets still in flight (shutdown draining, for instance).
 */
function withQueryDelay(database: Database, ms: number): Database {
  if (ms <= 0) return database;
  const client = database.client.$extends({
    query: {
      async $allOperations({ args, query }) {
        await new Promise((r) => setTimeout(r, ms));
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  return { ...database, client };
}

/**
 * How queries fail while the outage switch is down: `unreachable`, a PostgreSQL that cannot be
 * reached (connection refused); `not-accepting`, one refusing connections (SQLSTATE 55000, a
 * database with ALLOW_CONNECTIONS false); `broken`, not an outage but an unexpected error (a bug's
 * shape), for the paths that must answer whatever fails.
 */
export type OutageKind = "unreachable" | "not-accepting" | "broken";

/**
 * A switchable outage: while `down`, every query fails with the error a real PostgreSQL in that
 * state gives (the same query shape on a client pointed at a closed port, or at a server refusing
 * connections), or with a plain error for `broken`.
 */
async function withOutageSwitch(database: Database) {
  const unreachable = await createUnreachableDatabase();
  const refusing = await createRefusingDatabase();
  const outage: { down: boolean; as: OutageKind } = { down: false, as: "unreachable" };
  const client = database.client.$extends({
    query: {
      async $allOperations({ args, query }) {
        if (outage.down && outage.as === "broken") throw new TypeError("a query failed unexpectedly (test fault)");
        if (outage.down) await (outage.as === "unreachable" ? unreachable : refusing).client.$queryRaw`SELECT 1`;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  const close = async () => {
    await database.close();
    await unreachable.close();
    await refusing.close();
  };
  return { database: { ...database, client, close }, outage };
}

let cachedData: Promise<GameData> | undefined;

/** Log lines the server wrote, parsed, so tests can assert that bad input was logged with context. */
export type LogLine = Record<string, unknown> & { msg?: string; level: number };

export interface TestPlayer {
  accountId: number;
  email: string;
  characterId: number;
  characterName: string;
  sessionKey: string;
}

/**
 * A real world server on a random loopback port over an isolated test database (PGlite, or
 * PostgreSQL when DATABASE_URL is set), plus helpers to make players and connect headless clients.
 */
export async function startTestWorld(
  server: Partial<WorldConfig["server"]> = {},
  options: {
    queryDelayMs?: number;
    reputationScale?: WorldConfig["reputationScale"];
    /** The store's offline journal, and how often it replays by itself (tests replay it themselves). */
    journal?: OfflineJournal;
    store?: Partial<WorldConfig["store"]>;
    /** The simulation's settings (a test that steps the world only itself sets a long tick). */
    world?: Partial<WorldConfig["world"]>;
  } = {},
) {
  const { database, outage } = await withOutageSwitch(withQueryDelay(await createTestDatabase(), options.queryDelayMs ?? 0));
  const data = await (cachedData ??= loadGameData());
  const config = WorldConfigSchema.parse({
    logLevel: "info",
    reputationScale: options.reputationScale ?? "classic",
    server: { host: "127.0.0.1", port: 0, ...server },
    ...(options.store ? { store: options.store } : {}),
    ...(options.world ? { world: options.world } : {}),
  });
  const logs: LogLine[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (line) => logs.push(JSON.parse(line) as LogLine) } });
  // The simulation's clock stands still until a test advances it (movement speed, unit clocks).
  let now = Date.now();
  const clock = { now: () => now };
  const world: WorldServer = await startWorldServer({ config, database, data, logger, clock, ...(options.journal ? { journal: options.journal } : {}) });
  const clients: HeadlessClient[] = [];
  const db = database.client;

  async function player(
    options: { role?: AccountRole; faction?: number; zoneId?: number; worldId?: number; position?: { x: number; y: number; z: number } } = {},
  ): Promise<TestPlayer> {
    const account = await makeAccount(db, options.role ? { role: options.role } : {});
    const character = await makeCharacter(db, {
      accountId: account.id,
      faction: options.faction ?? 167,
      worldId: options.worldId ?? 426,
      zoneId: options.zoneId ?? 1,
      ...(options.position ? { position: options.position } : {}),
    });
    const { sessionKey } = await issueSessionKey(db, { email: account.email });
    return { accountId: account.id, email: account.email, characterId: character.id, characterName: character.name, sessionKey };
  }

  async function connect(extra: { heartbeatMs?: number } = {}): Promise<HeadlessClient> {
    const client = await HeadlessClient.connect({ host: "127.0.0.1", port: world.port, timeoutMs: 5000, ...extra });
    clients.push(client);
    return client;
  }

  /** A player logged in and in the world. */
  async function inWorld(p?: TestPlayer): Promise<{ player: TestPlayer; client: HeadlessClient }> {
    const who = p ?? (await player());
    const client = await connect();
    await client.login({ accountId: who.accountId, email: who.email, sessionKey: who.sessionKey });
    await client.enterWorld(who.characterId);
    return { player: who, client };
  }

  return {
    world,
    database,
    /** Set `down` to make every query of the server fail as if PostgreSQL were unreachable (or, with `as`, refusing connections, or broken). */
    outage,
    db,
    data,
    logs,
    player,
    connect,
    inWorld,
    /** Moves the simulation's clock on by `ms`. */
    advance: (ms: number) => void (now += ms),
    /**
     * One world step now, as the timer runs it (`stepWorld`: the maps' tick, then the combat pets);
     * resolves when its database work is written. The timer also steps every world.tickMilliseconds.
     */
    tick: () => stepWorld(world.services),
    /**
     * Resolves once the server holds `client`'s unit at `x` (it took the step sent); fails after
     * 10 s. A test that moves the clock between steps waits for this: two steps taken at one
     * simulated time exceed the speed limit.
     */
    async steppedTo(client: HeadlessClient, x: number): Promise<void> {
      const maps = world.services.world;
      const mine = maps.places().find((place) => maps.unitOf(place.characterId)?.id === client.unitId)?.characterId ?? -1;
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
        const position = maps.unitOf(mine)?.movement.position;
        if (position && Math.abs(position.x - x) < 0.01) return;
      }
      throw new Error(`the server did not take the step to x = ${x} within 10 s`);
    },
    /** Log lines whose message contains `text`. */
    logged: (text: string) => logs.filter((l) => typeof l.msg === "string" && l.msg.includes(text)),
    async close() {
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      await world.shutdown("test over");
      await database.close();
    },
  };
}

export type TestWorld = Awaited<ReturnType<typeof startTestWorld>>;
