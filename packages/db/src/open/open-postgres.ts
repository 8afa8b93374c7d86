import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { announcementsSettled } from "../events/announce-events.js";
import { PrismaClient } from "../generated/prisma/client";
import type { DbLogger } from "../logger.js";
import { pgPoolExecutor, registerExecutor } from "../migrate/executor.js";
import { closer, type Database, type DatabaseKind } from "./database.js";
import { poolListen } from "./listen.js";
import { registerRawPool } from "./raw-pool.js";

/** Options for {@link connectPgPool}. */
export interface PgPoolDatabaseOptions {
  pool: pg.Pool;
  kind: DatabaseKind;
  logger: DbLogger;
  /** Extra cleanup after the pool has ended (e.g. dropping a test database). */
  afterClose?: () => Promise<void>;
  /** A pool of one connection for {@link Database.delivery} (it connects on first use). */
  deliveryPool?: pg.Pool;
}

/** Idle connections failing are logged at most this often. */
const IDLE_WARNING_INTERVAL_MS = 30_000;

/**
 * The pools' 'error' listener: a connection that fails while idle in a pool (the pool drops it).
 * Every pooled connection fails at once when the server goes away: one line per outage, not one
 * per connection, and only the error's code and message (the error carries its client, whose
 * fields include the connection's cancel key).
 */
function idleFailureWarning(logger: DbLogger): (error: Error & { code?: string }) => void {
  let lastIdleWarning = 0;
  let quietFailures = 0;
  return (error) => {
    const now = Date.now();
    if (now - lastIdleWarning < IDLE_WARNING_INTERVAL_MS) {
      quietFailures += 1;
      return;
    }
    logger.warn({ code: error.code, message: error.message, alsoFailedSinceLastLine: quietFailures }, "idle database connection failed");
    lastIdleWarning = now;
    quietFailures = 0;
  };
}

/**
 * Wraps a node-postgres pool as a Database (PostgreSQL, or PGlite served over its socket).
 * Checks the connection first; throws CONNECTION_FAILED (and ends the pool) when it fails.
 */
export async function connectPgPool(options: PgPoolDatabaseOptions): Promise<Database> {
  const { pool, kind, logger } = options;
  const onIdleFailure = idleFailureWarning(logger);
  pool.on("error", onIdleFailure);
  // Listened to before it connects: an idle delivery connection failing must not crash the process either.
  options.deliveryPool?.on("error", onIdleFailure);
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    await options.deliveryPool?.end().catch(() => undefined);
    throw new DbError(DB_ERROR_CODES.CONNECTION_FAILED, `Cannot connect to the ${kind} database: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const client = new PrismaClient({ adapter: new PrismaPg(pool), errorFormat: "minimal" });
  registerExecutor(client, pgPoolExecutor(pool, kind === "postgres" ? "postgres" : "pglite"));
  registerRawPool(client, pool);
  const { deliveryPool } = options;
  const delivery = deliveryPool ? new PrismaClient({ adapter: new PrismaPg(deliveryPool), errorFormat: "minimal" }) : undefined;
  if (delivery && deliveryPool) registerRawPool(delivery, deliveryPool);
  const close = closer(
    [
      () => announcementsSettled(client),
      () => client.$disconnect(),
      () => delivery?.$disconnect(),
      () => pool.end(),
      () => deliveryPool?.end(),
      () => options.afterClose?.(),
    ],
    (error) => logger.warn({ err: error }, "error while closing the database"),
  );
  return { client, kind, close, listen: poolListen(pool), ...(delivery ? { delivery } : {}) };
}

/** Opens PostgreSQL at `url` with a pool of `poolSize` connections, and one more for event delivery. Throws CONNECTION_FAILED when it cannot connect. */
export function openPostgres(url: string, logger: DbLogger, poolSize: number): Promise<Database> {
  return connectPgPool({
    pool: new pg.Pool({ connectionString: url, max: poolSize }),
    deliveryPool: new pg.Pool({ connectionString: url, max: 1 }),
    kind: "postgres",
    logger,
  });
}
