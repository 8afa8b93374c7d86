// One process per PGlite data directory: two writers corrupt it, and PGlite itself does not stop
// them. The lock file is created atomically (hard link of a fully written temp file, so nobody
// ever reads a half-written lock) and says who holds it, so the refusal can name the process.
import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { DbLogger } from "../logger.js";

/** What the lock file holds. */
export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
  /** Unix socket that serves this database to other local processes (share mode). */
  socket?: string;
  /** Set when the holder will share the database once migrated (then `socket` appears): openers wait for it. */
  willShare?: boolean;
  /** Random per-acquisition token, so we never delete a lock that is not ours. */
  token: string;
}

/** A held lock. */
export interface DirectoryLock {
  readonly path: string;
  readonly info: LockInfo;
  /** Rewrites the lock (e.g. to advertise the socket once it listens). */
  update(patch: Partial<Pick<LockInfo, "socket">>): void;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

export const LOCK_FILE_NAME = "bezgelor.lock";

/** Reads a lock file; undefined if absent or unreadable. */
export function readLock(lockPath: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

/** True when `info` names a process that is alive on this host (or on a host we cannot check). */
export function isHolderAlive(info: LockInfo): boolean {
  if (info.hostname !== os.hostname()) return true; // cannot tell: assume alive
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

/**
 * What holds the directory and what to do, for the operator: a world server (`bezgelor serve`
 * shares the directory; commands reach the database through it, so it is in the way only when it
 * does not answer), or a process that uses it alone (an admin command run while no server runs).
 */
function whatToDo(holder: LockInfo): string {
  if (holder.willShare || holder.socket)
    return (
      "It is a world server (bezgelor serve), which runs commands alongside it, but it does not answer: " +
      `if it is stopped (Ctrl-Z), resume it (kill -CONT ${holder.pid}); otherwise stop it (Ctrl-C or kill ${holder.pid}) and try again. `
    );
  return (
    "It uses the directory alone (most likely another bezgelor command, run while no world server is running): " +
    `wait for it to finish, or stop it (kill ${holder.pid}), then try again. ` +
    "While a world server (bezgelor serve) runs on this directory, commands run alongside it and each other instead. "
  );
}

/**
 * The DIRECTORY_LOCKED error naming the holder, what it is and what to do about it, and how long
 * the opener waited for it (seconds), if it did.
 */
export function lockedError(dir: string, holder: LockInfo, waitedSeconds?: number): DbError {
  const waited = waitedSeconds === undefined ? "" : `Waited ${waitedSeconds.toFixed(1)} s for it (db.lockWaitSeconds). `;
  return new DbError(
    DB_ERROR_CODES.DIRECTORY_LOCKED,
    `Database directory ${dir} is in use by pid ${holder.pid} on ${holder.hostname} (${holder.command}), started ${holder.startedAt}. ` +
      waited +
      whatToDo(holder) +
      `If that process is gone (for example after a reboot reused its pid), delete ${path.join(dir, LOCK_FILE_NAME)}.`,
    { details: { dir, holder, ...(waitedSeconds === undefined ? {} : { waitedSeconds }) } },
  );
}

function writeAtomically(lockPath: string, info: LockInfo): boolean {
  const tmp = `${lockPath}.${process.pid}.${info.token}.tmp`;
  writeFileSync(tmp, JSON.stringify(info, null, 2), { flag: "wx" });
  try {
    linkSync(tmp, lockPath); // atomic "create if absent" with full content
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Takes the lock of `dir`, taking over a stale one (holder dead on this host) with a warning.
 * Returns `{ held: info }` instead when a live process holds it, so the caller can decide
 * (connect through its socket, or throw {@link lockedError}).
 */
export function acquireDirectoryLock(
  dir: string,
  logger: DbLogger,
  options: { willShare?: boolean } = {},
): { lock: DirectoryLock; held?: never } | { held: LockInfo; lock?: never } {
  const lockPath = path.join(dir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 5; attempt++) {
    const info: LockInfo = {
      pid: process.pid,
      hostname: os.hostname(),
      startedAt: new Date().toISOString(),
      command: process.argv.join(" "),
      token: randomUUID(),
      ...(options.willShare ? { willShare: true } : {}),
    };
    if (writeAtomically(lockPath, info)) return { lock: heldLock(lockPath, info) };
    const holder = readLock(lockPath);
    if (!holder) continue; // vanished or unreadable between calls: try again
    if (isHolderAlive(holder)) return { held: holder };
    takeOverStale(lockPath, holder, logger);
  }
  throw new DbError(DB_ERROR_CODES.DIRECTORY_LOCKED, `Could not take the lock ${lockPath}: it keeps changing hands.`, {
    details: { dir },
  });
}

function takeOverStale(lockPath: string, holder: LockInfo, logger: DbLogger): void {
  // Move the stale lock aside rather than deleting it: if another process took it over in the
  // meantime we moved a live lock, notice by its token, and put it back.
  const aside = `${lockPath}.stale-${process.pid}-${randomUUID()}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = readLock(aside);
  if (moved && moved.token !== holder.token) {
    try {
      linkSync(aside, lockPath);
    } catch {
      /* a third process got in; the loop re-reads */
    }
  } else {
    logger.warn({ lock: lockPath, holder }, `taking over stale database lock of dead pid ${holder.pid}`);
  }
  unlinkSync(aside);
}

const heldLocks = new Set<DirectoryLock>();
let exitHookInstalled = false;

function heldLock(lockPath: string, info: LockInfo): DirectoryLock {
  let current = info;
  let released = false;
  const lock: DirectoryLock = {
    path: lockPath,
    get info() {
      return current;
    },
    update(patch) {
      current = { ...current, ...patch };
      const tmp = `${lockPath}.${process.pid}.update.tmp`;
      writeFileSync(tmp, JSON.stringify(current, null, 2));
      renameSync(tmp, lockPath); // atomic replace: readers see old or new, never half
    },
    release() {
      if (released) return;
      released = true;
      heldLocks.delete(lock);
      if (readLock(lockPath)?.token !== current.token) return;
      try {
        unlinkSync(lockPath);
      } catch {
        /* already gone */
      }
    },
  };
  heldLocks.add(lock);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // 'exit' handlers must be synchronous, which release() is. Signals that kill the process
    // skip 'exit'; the next opener then finds a dead pid and takes the stale lock over.
    process.on("exit", () => {
      for (const held of [...heldLocks]) held.release();
    });
  }
  return lock;
}
