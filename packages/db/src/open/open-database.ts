import { z } from "zod";
import { DbConfigSchema, type DbConfig, type DbConfigInput } from "../config.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { silentLogger, type DbLogger } from "../logger.js";
import { migrateDatabase } from "../migrate/migrate-database.js";
import type { Database } from "./database.js";
import { openPglite } from "./open-pglite.js";
import { openPostgres } from "./open-postgres.js";

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** The db config slice; parsed with {@link DbConfigSchema}, so defaults may be omitted. */
  config: DbConfigInput | DbConfig;
  logger?: DbLogger;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /**
   * Embedded only: also serve the database to other local processes on a Unix socket in the
   * directory (the world server sets this so the admin CLI works while it runs).
   */
  share?: boolean;
  /**
   * Embedded only: told in a sentence for a person when another process holds the directory
   * without sharing it and this opener starts waiting for it (`config.lockWaitSeconds`), at most
   * every 20 s while it waits, and when it gets the database after waiting; default: warn log
   * lines. The admin CLI logs them as its warnings.
   */
  onLockWait?: (message: string) => void;
}

/**
 * Opens PostgreSQL when `config.url` is set, else the embedded PGlite database in `config.dir`
 * (created and migrated on first use, locked against other processes). If another live process
 * holds the directory and shares it, connects through its socket (`kind: "pglite-remote"`).
 *
 * If a live process holds it without sharing it, waits up to `config.lockWaitSeconds` for it to let go.
 *
 * Throws DbError: INVALID_INPUT (bad config), DIRECTORY_LOCKED (still held after that wait by a live
 * process that does not share it; the message names its pid and command), DIRECTORY_UNUSABLE (the
 * embedded directory is a file or cannot be created), CONNECTION_FAILED, MIGRATION_FAILED.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const parsed = DbConfigSchema.safeParse(options.config);
  if (!parsed.success) {
    throw new DbError(DB_ERROR_CODES.INVALID_INPUT, `Invalid database config: ${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
      details: { issues: parsed.error.issues },
    });
  }
  const config = parsed.data;
  const logger = options.logger ?? silentLogger();
  const prepare = async (db: Database) => {
    if (options.migrate ?? true) await migrateDatabase({ client: db.client, logger });
  };
  if (config.url) {
    const db = await openPostgres(config.url, logger, config.poolSize);
    try {
      await prepare(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    logger.info({ kind: db.kind }, "database open");
    return db;
  }
  return openPglite({
    dir: config.dir,
    logger,
    share: options.share ?? false,
    poolSize: config.poolSize,
    prepare,
    lockWaitSeconds: config.lockWaitSeconds,
    ...(options.onLockWait ? { onLockWait: options.onLockWait } : {}),
  });
}
