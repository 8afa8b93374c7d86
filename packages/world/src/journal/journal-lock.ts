// One writer per journal file: a second one would truncate lines it never read. The lock file
// names its holder; a holder that died (kill -9) leaves a lock the next opener takes over.
import { openSync, closeSync, readFileSync, realpathSync, unlinkSync, writeSync } from "node:fs";
import { WorldError } from "../errors";

const held = new Set<string>();
let exitHook = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The command line of a live pid, where the system tells it (Linux), to catch a pid reused since. */
function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(1).join(" ");
  } catch {
    return undefined;
  }
}

/** Whether the holder the lock names is still that process (alive, and running what it recorded). */
function stillHolding(holder: { pid?: number; cmdline?: string }): boolean {
  if (typeof holder.pid !== "number" || !alive(holder.pid)) return false;
  const running = commandOf(holder.pid);
  return running === undefined || holder.cmdline === undefined || running === holder.cmdline;
}

/**
 * Takes `<file>.lock` for this process and returns its release; `file` must exist, and the lock is
 * taken on its real path, so a symlink or another spelling of the path meets the same lock.
 * Throws WorldError UNAVAILABLE naming the holder when a live process has it.
 */
export function lockJournal(file: string): () => void {
  const lockPath = `${realpathSync(file)}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      const cmdline = commandOf(process.pid);
      writeSync(
        fd,
        JSON.stringify({
          pid: process.pid,
          command: process.argv.slice(1).join(" "),
          ...(cmdline === undefined ? {} : { cmdline }),
          at: new Date().toISOString(),
        }),
      );
      closeSync(fd);
      held.add(lockPath);
      if (!exitHook) {
        exitHook = true;
        process.on("exit", () => held.forEach((p) => unlinkQuietly(p)));
      }
      return () => {
        if (held.delete(lockPath)) unlinkQuietly(lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: { pid?: number; command?: string; cmdline?: string } = {};
    try {
      holder = JSON.parse(readFileSync(lockPath, "utf8")) as typeof holder;
    } catch {
      /* half written or gone: looked at again below */
    }
    if (stillHolding(holder)) {
      throw new WorldError(
        "UNAVAILABLE",
        `store journal ${file} is held by pid ${holder.pid} (started as: ${holder.command ?? "?"}); only one process may hold it ` +
          `(a running world server replays it by itself every few seconds). If no such process runs, delete ${lockPath}.`,
        { details: { file, lock: lockPath, holder } },
      );
    }
    unlinkQuietly(lockPath); // its holder is gone
  }
  throw new WorldError("UNAVAILABLE", `could not take the lock of store journal ${file}`, { details: { file } });
}

function unlinkQuietly(p: string): void {
  try {
    unlinkSync(p);
  } catch {
    /* already gone */
  }
}
