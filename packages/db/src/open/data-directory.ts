// The embedded database's directory (or another one the server writes, such as the store
// journal's), made if missing, or refused in one sentence an operator can
// act on. Node's `mkdirSync(dir, { recursive: true })` is not used: where a file system answers
// mkdir with ENOENT under a parent that exists (procfs: `/proc/x`), Node 20 makes the parent
// again, finds it there, retries the child and loops for ever at full CPU, deaf to signals (its
// loop is synchronous). Walking the path ourselves tries each missing directory once. The errno is
// in the message and `details`, not a `cause`, as the outage checks walk the cause chain.
import { closeSync, mkdirSync, openSync, statSync, unlinkSync, type Stats } from "node:fs";
import path from "node:path";
import { DB_ERROR_CODES, DbError } from "../errors.js";

/** What an errno means for a directory we tried to make, in an operator's words. */
const WHY: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOENT: "the file system there does not take new directories",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
};

/**
 * Makes sure `dir` is a directory, creating it and any missing parents one at a time. Returns its
 * absolute path. `label` names the directory in the error's message (the embedded database's by
 * default; the world's store journal passes its own).
 * @throws DbError DIRECTORY_UNUSABLE (details: dir, path, errno) when `dir` or one of its parents is
 *   a file, a missing one cannot be created (EACCES, EROFS, ENOENT on /proc, ...), or `dir` takes no
 *   new file (probed by creating and removing one).
 */
export function ensureDataDirectory(dir: string, label = "The embedded database directory"): string {
  const absolute = path.resolve(dir);
  const missing: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    const stats = statOf(label, absolute, at);
    if (stats !== undefined) {
      if (!stats.isDirectory()) throw notADirectory(label, absolute, at);
      break;
    }
    missing.unshift(at);
    if (path.dirname(at) === at) break; // the root itself is missing: mkdir says why
  }
  for (const each of missing) {
    try {
      mkdirSync(each);
    } catch (error) {
      const errno = (error as NodeJS.ErrnoException).code ?? "unknown";
      if (errno === "EEXIST") {
        // Made meanwhile by another opener, or a file put there.
        if (statOf(label, absolute, each)?.isDirectory()) continue;
        throw notADirectory(label, absolute, each);
      }
      throw unusable(label, absolute, each, errno, `cannot be created: mkdir ${each} failed (${errno}: ${WHY[errno] ?? "refused"})`);
    }
  }
  probeWritable(label, absolute);
  return absolute;
}

/**
 * Creates and removes a file in `dir`: a directory that exists but takes no files (no write
 * permission, a read-only mount, /proc or /sys) is refused here in one sentence, not by whatever
 * writes there first (the lock) with a stack trace.
 */
function probeWritable(label: string, dir: string): void {
  const probe = path.join(dir, `.bezgelor-write-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, "wx"));
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? "unknown";
    if (errno !== "EEXIST") throw unusable(label, dir, dir, errno, `cannot be written: creating a file in it failed (${errno}: ${WHY[errno] ?? "refused"})`);
  }
  try {
    unlinkSync(probe);
  } catch {
    // Left behind only if it vanished meanwhile or cannot be removed: harmless, and named as ours.
  }
}

/** `at`'s stats, or undefined when it does not exist (ENOENT) or a parent is a file (ENOTDIR: found as the walk goes up). */
function statOf(label: string, dir: string, at: string): Stats | undefined {
  try {
    return statSync(at);
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? "unknown";
    if (errno === "ENOENT" || errno === "ENOTDIR") return undefined;
    throw unusable(label, dir, at, errno, `cannot be used: ${at} cannot be read (${errno}: ${WHY[errno] ?? "refused"})`);
  }
}

function notADirectory(label: string, dir: string, at: string): DbError {
  const what = at === dir ? "is a file, not a directory" : `cannot be created: ${at} is a file, not a directory`;
  return unusable(label, dir, at, "ENOTDIR", what);
}

function unusable(label: string, dir: string, at: string, errno: string, what: string): DbError {
  return new DbError(DB_ERROR_CODES.DIRECTORY_UNUSABLE, `${label} ${dir} ${what}.`, { details: { dir, path: at, errno } });
}
