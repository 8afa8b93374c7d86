// One writer per journal file: a second one would truncate lines it never read. The lock file
// names its holder; a holder that died (kill -9) leaves a lock the next opener takes over.
import { openSync, closeSync, readFileSync, unlinkSync, writeSync } from "node:fs";
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

/**
 * Takes `<file>.lock` for this process and returns its release. Throws WorldError UNAVAILABLE
 * naming the holder when a live process has it.
 */
export function lockJournal(file: string): () => void {
  const lockPath = `${file}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(" "), at: new Date().toISOString() }));
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
    let holder: { pid?: number; command?: string } = {};
    try {
      holder = JSON.parse(readFileSync(lockPath, "utf8")) as typeof holder;
    } catch {
      /* half written or gone: looked at again below */
    }
    if (typeof holder.pid === "number" && alive(holder.pid)) {
      throw new WorldError(
        "UNAVAILABLE",
        `store journal ${file} is held by pid ${holder.pid} (${holder.command ?? "?"}); a running world server replays it by itself every few seconds`,
        { details: { file, holder } },
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
