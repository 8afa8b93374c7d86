// What an opener says while it waits for the embedded directory another process holds. Commands
// queued behind one another see the directory change hands several times before their turn; a
// line per holder (or per retry) buried the operator in repeats. So: one line when the wait starts,
// one every PROGRESS_MS while it goes on, and one when it ends with the directory (a wait that
// ends in DIRECTORY_LOCKED says so in the error itself).
import type { LockInfo } from "./directory-lock.js";

/** Least time between two "still waiting" lines (milliseconds). */
export const LOCK_WAIT_PROGRESS_MS = 20_000;

/** The wait of one opener for one directory. */
export interface LockWait {
  /** Whether the wait has started (a holder was in the way at least once). */
  readonly waiting: boolean;
  /** Called on every retry that finds `holder` in the way, with the milliseconds left before giving up. */
  held(holder: LockInfo, leftMs: number): void;
  /** Called once the opener has the database; `through` names the sharing holder it reached, if any. */
  ended(through?: LockInfo): void;
}

/**
 * A LockWait for `dir` that tells `say` a sentence for a person at the start of the wait, at most
 * every {@link LOCK_WAIT_PROGRESS_MS} while it lasts, and at its end (nothing when it never
 * waited). `now` is the clock in milliseconds (a test's own). Never throws unless `say` does.
 */
export function lockWait(dir: string, say: (message: string) => void, now: () => number = Date.now): LockWait {
  let started: number | undefined;
  let lastSaid = 0;
  const waited = () => (started === undefined ? 0 : (now() - started) / 1000);
  return {
    get waiting() {
      return started !== undefined;
    },
    held(holder, leftMs) {
      const left = Math.ceil(Math.max(0, leftMs) / 1000);
      if (started === undefined) {
        started = lastSaid = now();
        say(`Database directory ${dir} is in use by ${describeHolder(holder)}; waiting up to ${left} s for it to finish (db.lockWaitSeconds)...`);
      } else if (now() - lastSaid >= LOCK_WAIT_PROGRESS_MS) {
        lastSaid = now();
        say(`Still waiting for database directory ${dir} after ${Math.round(waited())} s, now in use by ${describeHolder(holder)}; ${left} s left.`);
      }
    },
    ended(through) {
      if (started === undefined) return;
      const after = `after waiting ${waited().toFixed(1)} s`;
      say(
        through === undefined
          ? `Database directory ${dir} is free ${after}; going on.`
          : `Reached database directory ${dir} through the world server (pid ${through.pid}) ${after}; going on.`,
      );
    },
  };
}

function describeHolder(holder: LockInfo): string {
  return `pid ${holder.pid} on ${holder.hostname} (${holder.command})`;
}
