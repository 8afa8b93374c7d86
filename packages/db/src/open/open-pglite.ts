// The embedded database: a PGlite data directory owned by exactly one process. A second opener
// either connects through the owner's socket (when the owner shares it) or is refused by name.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { PrismaClient } from "../generated/prisma/client";
import type { DbLogger } from "../logger.js";
import { pgliteExecutor, registerExecutor } from "../migrate/executor.js";
import { closer, type Database } from "./database.js";
import { acquireDirectoryLock, lockedError, type DirectoryLock, type LockInfo } from "./directory-lock.js";
import { connectPgPool } from "./open-postgres.js";
import { pgliteListen } from "./listen.js";
import { PgliteSocketServer } from "./pglite-socket-server.js";

/** PGlite's own files live in a subfolder, apart from our lock file and socket. */
export const PGDATA_SUBDIR = "pgdata";
const SOCKET_PORT = 5432;
// sun_path holds 108 bytes on Linux (104 on macOS); stay clear of both.
const MAX_SOCKET_PATH = 100;

/** Socket path for `dir`: inside it when short enough, else a per-directory folder in tmpdir. */
export function socketPathFor(dir: string): string {
  const name = `.s.PGSQL.${SOCKET_PORT}`; // node-postgres derives this name from host + port
  const inside = path.join(dir, name);
  if (Buffer.byteLength(inside) <= MAX_SOCKET_PATH) return inside;
  const hash = createHash("sha256").update(dir).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `bezgelor-${hash}`, name);
}

/** Options for {@link openPglite}. */
export interface OpenPgliteOptions {
  dir: string;
  logger: DbLogger;
  share: boolean;
  /** Runs migrations (or anything) before the socket is offered to others. */
  prepare: (db: Database) => Promise<void>;
}

/**
 * Opens the embedded database at `dir` (created on first use), or the owner's shared socket.
 * Throws DIRECTORY_LOCKED when a live process holds `dir` without sharing it, CONNECTION_FAILED
 * when PGlite cannot start.
 */
export async function openPglite(options: OpenPgliteOptions): Promise<Database> {
  const dir = path.resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const acquired = acquireDirectoryLock(dir, options.logger);
  if (acquired.held) return openRemote(dir, acquired.held, options);
  const { lock } = acquired;
  try {
    return await openLocal(dir, lock, options);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openLocal(dir: string, lock: DirectoryLock, options: OpenPgliteOptions): Promise<Database> {
  const { logger } = options;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: path.join(dir, PGDATA_SUBDIR) });
  } catch (error) {
    throw new DbError(DB_ERROR_CODES.CONNECTION_FAILED, `Cannot open the embedded database in ${dir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  registerExecutor(client, pgliteExecutor(pglite));
  let server: PgliteSocketServer | undefined;
  const close = closer([() => server?.stop(), () => client.$disconnect(), () => pglite.close(), () => lock.release()], (error) =>
    logger.warn({ err: error }, "error while closing the embedded database"),
  );
  const database: Database = { client, kind: "pglite", close, listen: pgliteListen(pglite) };
  try {
    await options.prepare(database);
    if (options.share) {
      const socket = socketPathFor(dir);
      server = new PgliteSocketServer(pglite, socket, logger);
      await server.start();
      lock.update({ socket });
    }
  } catch (error) {
    await close();
    throw error;
  }
  logger.info({ dir, share: options.share }, "embedded database open");
  return database;
}

async function openRemote(dir: string, holder: LockInfo, options: OpenPgliteOptions): Promise<Database> {
  if (!holder.socket || !existsSync(holder.socket)) throw lockedError(dir, holder);
  const pool = new pg.Pool({
    host: path.dirname(holder.socket),
    port: SOCKET_PORT,
    user: "postgres",
    database: "template1", // PGlite's only database
    max: 2,
  });
  let database: Database;
  try {
    database = await connectPgPool({ pool, kind: "pglite-remote", logger: options.logger });
  } catch (error) {
    throw new DbError(DB_ERROR_CODES.DIRECTORY_LOCKED, `${lockedError(dir, holder).message} Its socket ${holder.socket} did not answer.`, {
      cause: error,
      details: { dir, holder },
    });
  }
  options.logger.info({ dir, holderPid: holder.pid, socket: holder.socket }, "embedded database is held by another process; connected through its socket");
  try {
    await options.prepare(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
