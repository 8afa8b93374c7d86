// What the embedded database's thread (pglite-worker.ts) and its starter (pglite-thread.ts) say
// to each other.

/** What the thread is started with. */
export interface PgliteWorkerData {
  /** PGlite's data directory (created on first use). */
  dataDir: string;
  /** Unix socket the thread serves the database on. */
  socketPath: string;
}

/** An error as it crosses the thread boundary. */
export interface ThreadError {
  message: string;
  stack?: string;
  code?: unknown;
}

/** Thread to starter. */
export type WorkerToMain =
  | { type: "ready" }
  | { type: "failed"; error: ThreadError }
  | { type: "crashed"; error: ThreadError }
  | { type: "stopped" }
  | { type: "log"; level: "debug" | "info" | "warn" | "error"; fields: Record<string, unknown>; msg: string };

/** Starter to thread. */
export type MainToWorker = { type: "stop" };

/** `value` as a {@link ThreadError} when it is an Error, else unchanged. */
export function threadError(value: unknown): ThreadError {
  if (value instanceof Error) return { message: value.message, stack: value.stack, code: (value as { code?: unknown }).code };
  return { message: String(value) };
}
