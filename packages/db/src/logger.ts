// The package logs through whatever pino logger the caller passes (usually a child logger).
import { pino, type Logger } from "pino";

/** The logging surface the package uses; any pino logger fits. */
export type DbLogger = Pick<Logger, "debug" | "info" | "warn" | "error">;

/** A logger that drops everything, for callers that pass none. */
export function silentLogger(): DbLogger {
  return pino({ level: "silent" });
}
