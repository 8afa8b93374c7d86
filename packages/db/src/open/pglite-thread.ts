// Starts and stops the embedded database's thread (pglite-worker.ts) from the process that holds
// the directory lock. The thread dies with the process, so a killed owner never leaves a PGlite
// behind writing to the directory.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { DbLogger } from "../logger.js";
import { createClusterIfMissing } from "./pglite-cluster.js";
import type { PgliteWorkerData, ThreadError, WorkerToMain } from "./pglite-worker-messages.js";

/** How long close() waits for PGlite to flush and close before the thread is ended anyway. */
const STOP_TIMEOUT_MS = 30_000;

/** The running thread. */
export interface PgliteThread {
  /** Asks the thread to disconnect its clients, flush and close PGlite, and waits until it exited. Never rejects. */
  stop(): Promise<void>;
  /** Ends the thread at once, as a crash would (tests of the crash path). */
  terminate(): Promise<void>;
  /** Why the thread stopped on its own, once it did; undefined while it runs or after stop(). */
  readonly failure: Error | undefined;
}

/** Options for {@link startPgliteThread}. */
export interface StartPgliteThreadOptions extends PgliteWorkerData {
  logger: DbLogger;
}

/**
 * The worker's entry. Built, it is dist/pglite-worker.js next to the bundle that holds this code.
 * From source (tests, `--import tsx`) it is the .ts file next to this one, loaded through tsx's
 * require hook: a worker's own `--import tsx` does not cover its entry module on Node 20.
 */
function newWorker(workerData: PgliteWorkerData): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./pglite-worker.js", here), { workerData });
  const entry = fileURLToPath(new URL("./pglite-worker.ts", here));
  const tsx = createRequire(here).resolve("tsx/cjs/api");
  const code = `require(${JSON.stringify(tsx)}).require(${JSON.stringify(entry)}, ${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, workerData });
}

const asError = (error: ThreadError, prefix: string) => Object.assign(new Error(`${prefix}${error.message}`), { stack: error.stack, code: error.code });

/**
 * Starts PGlite on its own thread, serving `dataDir` on `socketPath` (its cluster created first
 * when it has none, see pglite-cluster.ts); resolves once the socket listens. Throws CONNECTION_FAILED when PGlite cannot open the directory or the thread dies first.
 * Later, a thread that stops on its own is logged as an error once; every request through the
 * socket then fails as "unavailable" (connection refused or terminated).
 */
export async function startPgliteThread(options: StartPgliteThreadOptions): Promise<PgliteThread> {
  const { logger, dataDir, socketPath } = options;
  try {
    await createClusterIfMissing(dataDir, logger);
  } catch (error) {
    throw new DbError(DB_ERROR_CODES.CONNECTION_FAILED, `Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`, { cause: error });
  }
  const worker = newWorker({ dataDir, socketPath });
  let stopping = false;
  let failure: Error | undefined;
  let onReady: ((error?: Error) => void) | undefined;
  let onStopped: (() => void) | undefined;
  const exited = new Promise<number>((resolve) => worker.once("exit", resolve));

  const crashed = (error: Error) => {
    if (onReady) return onReady(error);
    if (stopping || failure) return;
    failure = error;
    logger.error({ err: error, dataDir }, `the embedded database stopped: ${error.message}. Database requests fail until the process is restarted`);
  };
  worker.on("message", (message: WorkerToMain) => {
    switch (message.type) {
      case "log":
        logger[message.level](message.fields, message.msg);
        break;
      case "ready":
        onReady?.();
        break;
      case "failed":
        onReady?.(asError(message.error, ""));
        break;
      case "crashed":
        crashed(asError(message.error, "PGlite failed: "));
        break;
      case "stopped":
        onStopped?.();
        break;
    }
  });
  worker.on("error", (error) => crashed(error));
  void exited.then((code) => crashed(new Error(`its thread exited (code ${code})`)));

  try {
    await new Promise<void>((resolve, reject) => {
      onReady = (error) => {
        onReady = undefined;
        if (error) reject(error);
        else resolve();
      };
    });
  } catch (error) {
    stopping = true; // reported below, not as a crash
    await worker.terminate();
    throw new DbError(DB_ERROR_CODES.CONNECTION_FAILED, `Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`, { cause: error });
  }
  // Idle, the thread does not keep the process alive (an owner that exits without close() exits
  // as before); the connections to it do while they work.
  worker.unref();

  let stopped: Promise<void> | undefined;
  return {
    get failure() {
      return failure;
    },
    stop() {
      stopped ??= (async () => {
        if (failure) return;
        stopping = true;
        worker.ref();
        const done = new Promise<void>((resolve) => (onStopped = resolve));
        worker.postMessage({ type: "stop" });
        const timer = setTimeout(() => {
          logger.warn({ dataDir }, `the embedded database did not close within ${STOP_TIMEOUT_MS / 1000}s; ending its thread`);
          void worker.terminate();
        }, STOP_TIMEOUT_MS);
        await Promise.race([done, exited]);
        clearTimeout(timer);
        await worker.terminate(); // after "stopped" nothing is left to flush
      })();
      return stopped;
    },
    async terminate() {
      await worker.terminate();
      await exited;
    },
  };
}
