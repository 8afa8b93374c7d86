import type { Logger } from "pino";

/** The process's stop request (see {@link stopSignal}). */
export interface StopSignal {
  /** Resolves with the first SIGTERM or SIGINT. */
  readonly received: Promise<NodeJS.Signals>;
  /** Whether one has arrived. */
  readonly requested: boolean;
  /** Stops listening (a start that failed: Node's default handling applies again). */
  dispose(): void;
}

/**
 * Listens for SIGTERM and SIGINT from now on. Later signals are logged and ignored: a Ctrl-C
 * reaches the whole process group, and package runners forward it again, so a second signal
 * arriving mid-shutdown must not fall through to Node's default handler and kill the drain.
 * Listening from the start of `serve` means a signal during start-up (migrations, the embedded
 * cluster's creation) no longer kills the process halfway, leaving its lock behind: start-up
 * finishes and the server stops at once.
 */
export function stopSignal(logger: Logger): StopSignal {
  let resolve!: (signal: NodeJS.Signals) => void;
  const received = new Promise<NodeJS.Signals>((r) => (resolve = r));
  let requested = false;
  const on = (signal: NodeJS.Signals) => {
    if (requested) {
      logger.warn({ signal }, "already stopping; send SIGKILL to stop at once");
      return;
    }
    requested = true;
    resolve(signal);
  };
  process.on("SIGTERM", on);
  process.on("SIGINT", on);
  return {
    received,
    get requested() {
      return requested;
    },
    dispose() {
      process.off("SIGTERM", on);
      process.off("SIGINT", on);
    },
  };
}
