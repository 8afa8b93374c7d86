// The embedded database: a PGlite data directory owned by exactly one process, which runs PGlite on
// a thread of its own behind a Unix socket. A second opener either connects through the owner's
// socket (when the owner shares it; it waits while a sharing owner starts), or waits for an owner
// that does not share (an admin command while the server is down) to let go, up to a bounded wait,
// and is then refused by name.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import pg from "pg";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { DbLogger } from "../logger.js";
import { ensureDataDirectory } from "./data-directory.js";
import type { Database } from "./database.js";
import { acquireDirectoryLock, isHolderAlive, LOCK_FILE_NAME, lockedError, readLock, type DirectoryLock, type LockInfo } from "./directory-lock.js";
import { lockWait } from "./lock-wait.js";
import { connectPgPool } from "./open-postgres.js";
import { startPgliteThread, type PgliteThread } from "./pglite-thread.js";

/** PGlite's own files live in a subfolder, apart from our lock file and socket. */
export const PGDATA_SUBDIR = "pgdata";
const SOCKET_PORT = 5432;
/** Connections of a process that reaches another one's embedded database (the admin CLI). */
const REMOTE_POOL_SIZE = 2;
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
  /** Connections from this process to the database's thread when it owns the directory. */
  poolSize: number;
  /** Runs migrations (or anything) before the socket is offered to others. */
  prepare: (db: Database) => Promise<void>;
  /** Seconds to wait for an owner that does not share the directory before DIRECTORY_LOCKED (0: refuse at once). */
  lockWaitSeconds: number;
  /**
   * Told in a sentence for a person when this opener starts waiting, at most every 20 s while it
   * waits, and when it gets the database after waiting (default: warn log lines).
   */
  onLockWait?: (message: string) => void;
}

/** How often a waiting opener tries the lock again. */
const LOCK_POLL_MS = 100;

/**
 * Opens the embedded database at `dir` (created on first use) on a thread of this process, or
 * the owner's shared socket. While a live process holds `dir` without sharing it (or shares it but
 * its socket does not answer within 5 s: stopped, or killed and not yet reaped), waits up to
 * `lockWaitSeconds` for it to let go (saying so through `onLockWait`: see {@link lockWait}), trying the lock again
 * every 100 ms: the lock file stays the only way in, so the directory still has one owner. Throws
 * DIRECTORY_LOCKED when the holder still has it after that wait, DIRECTORY_UNUSABLE when `dir` is
 * not a directory and cannot be made one (see ensureDataDirectory), CONNECTION_FAILED when PGlite
 * cannot start.
 */
export async function openPglite(options: OpenPgliteOptions): Promise<Database> {
  const dir = ensureDataDirectory(options.dir);
  const started = Date.now();
  const deadline = started + options.lockWaitSeconds * 1000;
  const wait = lockWait(dir, options.onLockWait ?? ((message) => options.logger.warn({ dir }, message)));
  // A starting owner that goes away before sharing leaves the directory free: look again.
  for (let vanished = 0; ;) {
    const acquired = acquireDirectoryLock(dir, options.logger, { willShare: options.share });
    if (acquired.held) {
      const holder = await awaitSocket(dir, acquired.held, options.logger);
      if (holder === undefined) {
        if (++vanished <= 3) continue;
        throw lockedError(dir, acquired.held);
      }
      // A holder that shares but does not answer (stopped, or killed and not yet reaped) is waited
      // for like one that does not share, then refused with why.
      const remote = holder.socket ? await openRemote(dir, holder, options) : undefined;
      if (remote !== undefined && !(remote instanceof DbError)) {
        wait.ended(holder);
        return remote;
      }
      if (Date.now() >= deadline) throw remote ?? lockedError(dir, holder, wait.waiting ? (Date.now() - started) / 1000 : undefined);
      // Said when the wait starts and now and then while it lasts, not per retry or per holder:
      // commands queued behind one another see the directory change hands many times.
      wait.held(holder, deadline - Date.now());
      await delay(Math.min(LOCK_POLL_MS, Math.max(0, deadline - Date.now())));
      continue;
    }
    const { lock } = acquired;
    wait.ended();
    try {
      return await openLocal(dir, lock, options);
    } catch (error) {
      lock.release();
      throw error;
    }
  }
}

async function openLocal(dir: string, lock: DirectoryLock, options: OpenPgliteOptions): Promise<Database> {
  const { logger } = options;
  // PGlite runs on its own thread and serves the socket; this process reaches it through the
  // socket like any other, so statements never run on the sessions' event loop. The lock only
  // advertises the socket once migrations ran (share mode); until then nobody else connects.
  const socket = socketPathFor(dir);
  const thread = await startPgliteThread({ dataDir: path.join(dir, PGDATA_SUBDIR), socketPath: socket, logger });
  let database: Database;
  try {
    // allowExitOnIdle: like the in-process database before, idle connections do not keep the
    // process alive (an owner that exits without close() still releases its lock on exit).
    database = await connectPgPool({
      pool: socketPool(socket, options.poolSize, { allowExitOnIdle: true }),
      deliveryPool: socketPool(socket, 1, { allowExitOnIdle: true }),
      kind: "pglite",
      logger,
      afterClose: async () => {
        await thread.stop(); // flushes and closes PGlite, removes the socket
        lock.release();
      },
    });
  } catch (error) {
    await thread.stop();
    throw error;
  }
  embeddedThreads.set(database, thread);
  try {
    await options.prepare(database);
    if (options.share) lock.update({ socket });
  } catch (error) {
    await database.close();
    throw error;
  }
  logger.info({ dir, share: options.share }, "embedded database open");
  return database;
}

/** A node-postgres pool on the embedded database's socket (PGlite knows one user and one database). */
function socketPool(socket: string, max: number, extra: Partial<pg.PoolConfig> = {}): pg.Pool {
  return new pg.Pool({
    host: path.dirname(socket),
    port: SOCKET_PORT,
    user: "postgres",
    database: "template1", // PGlite's only database
    max,
    ...extra,
  });
}

const embeddedThreads = new WeakMap<Database, PgliteThread>();

/** The thread behind an embedded database this process owns (tests end it to simulate a crash). */
export function embeddedThreadOf(database: Database): PgliteThread | undefined {
  return embeddedThreads.get(database);
}

/** How long an opener waits for a starting server (it migrates before sharing) to offer its socket. */
const STARTUP_WAIT_MS = 60_000;
const STARTUP_POLL_MS = 100;

/**
 * A server that will share the directory holds the lock while it migrates, before its socket
 * exists. An opener arriving then (a CLI command run right after `start`) waits for the socket
 * instead of being refused. Returns the holder as it is once sharing (or unchanged when it will not
 * share), undefined when it went away meanwhile (the caller looks again); throws DIRECTORY_LOCKED
 * after {@link STARTUP_WAIT_MS}.
 */
async function awaitSocket(dir: string, holder: LockInfo, logger: DbLogger): Promise<LockInfo | undefined> {
  if (holder.socket || !holder.willShare) return holder;
  logger.info({ dir, holderPid: holder.pid }, "the server holding the embedded database is starting; waiting for it to share the database");
  const lockPath = path.join(dir, LOCK_FILE_NAME);
  const deadline = Date.now() + STARTUP_WAIT_MS;
  while (Date.now() < deadline) {
    await delay(STARTUP_POLL_MS);
    const now = readLock(lockPath);
    if (!now || now.token !== holder.token || !isHolderAlive(now)) return undefined;
    if (now.socket) return now;
  }
  throw new DbError(
    DB_ERROR_CODES.DIRECTORY_LOCKED,
    `The server (pid ${holder.pid}) holding ${dir} has been starting for ${STARTUP_WAIT_MS / 1000} s without sharing the database; see its log.`,
    { details: { dir, holder } },
  );
}

/**
 * How long connecting through the owner's socket may take (each connection of the pool): a
 * stopped owner (SIGSTOP) accepts the connection in the kernel but never answers.
 */
const REMOTE_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connects through the holder's socket and prepares the database. Returns the DIRECTORY_LOCKED
 * error (not thrown) when the socket does not answer, so the caller can wait and look again;
 * throws what `prepare` throws.
 */
async function openRemote(dir: string, holder: LockInfo, options: OpenPgliteOptions): Promise<Database | DbError> {
  if (!holder.socket || !existsSync(holder.socket)) throw lockedError(dir, holder);
  const pool = socketPool(holder.socket, REMOTE_POOL_SIZE, { connectionTimeoutMillis: REMOTE_CONNECT_TIMEOUT_MS });
  let database: Database;
  try {
    database = await connectPgPool({ pool, kind: "pglite-remote", logger: options.logger });
  } catch (error) {
    return new DbError(DB_ERROR_CODES.DIRECTORY_LOCKED, `${lockedError(dir, holder).message} Its socket ${holder.socket} did not answer.`, {
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
