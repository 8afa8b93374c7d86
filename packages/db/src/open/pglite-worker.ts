// The embedded database's own thread: it owns PGlite and serves it on a Unix socket, so every
// statement runs on another core than the sessions' event loop. Started by pglite-thread.ts; the
// process that starts it (the directory's lock holder) reaches it through the socket like any
// other local process.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import type { DbLogger } from "../logger.js";
import { PgliteSocketServer } from "./pglite-socket-server.js";
import { threadError, type MainToWorker, type PgliteWorkerData, type WorkerToMain } from "./pglite-worker-messages.js";

const port = parentPort;
if (!port) throw new Error("pglite-worker.ts runs only as a worker thread (see pglite-thread.ts)");
const { dataDir, socketPath } = workerData as PgliteWorkerData;
const post = (message: WorkerToMain) => port.postMessage(message);

/** Errors cross the thread boundary as plain fields (message, stack, code). */
const plain = (value: unknown): unknown => (value instanceof Error ? threadError(value) : value);

function logAt(level: "debug" | "info" | "warn" | "error") {
  return (obj: unknown, msg?: string) => {
    const fields = typeof obj === "object" && obj !== null ? Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, plain(v)])) : { value: obj };
    post({ type: "log", level, fields, msg: msg ?? "" });
  };
}
const logger: DbLogger = { debug: logAt("debug"), info: logAt("info"), warn: logAt("warn"), error: logAt("error") };

/**
 * PostgreSQL's default shared_buffers (128 MB) is sized for a server with RAM of its own; in PGlite
 * the whole pool is resident in its WASM memory from the start (measured: a thread that opened a
 * migrated directory holds 284 MB with 128 MB, 184 MB with 32 MB). 32 MB holds a private server's
 * working set; pages it misses come from the operating system's file cache. No durability setting
 * changes: PGlite's defaults keep fsync off (`-F`), so a commit reaches the operating system, not
 * the disk, before it is answered (safe against the process being killed, not against a power cut;
 * the README says so).
 */
const START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

let pglite: PGlite | undefined;
let server: PgliteSocketServer | undefined;

async function start(): Promise<void> {
  try {
    pglite = await PGlite.create({ dataDir, startParams: START_PARAMS });
    // PGlite failing under a statement (not an SQL error: those are answered to the client) leaves
    // nothing usable: the thread ends with the error and the opener reports it.
    server = new PgliteSocketServer(pglite, socketPath, logger, { onFailure: (error) => fail(error) });
    await server.start();
    post({ type: "ready" });
  } catch (error) {
    post({ type: "failed", error: threadError(error) });
    await pglite?.close().catch(() => undefined);
    process.exit(1);
  }
}

function fail(error: unknown): void {
  post({ type: "crashed", error: threadError(error) });
  process.exit(1);
}

async function stop(): Promise<void> {
  // Clients first (rolling back what they left open), then PGlite flushes and closes.
  await server?.stop();
  await pglite?.close();
  post({ type: "stopped" });
  port?.close();
}

port.on("message", (message: MainToWorker) => {
  if (message.type === "stop") stop().catch(fail);
});

void start();
