import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger } from "pino";

/**
 * The process logger: structured JSON on stdout (or stderr for CLI commands whose stdout is data).
 * Sessions and commands take `logger.child({...})` so every line carries its context.
 */
export function createLogger(options: {
  level: LevelWithSilent;
  name?: string;
  /** File descriptor to write to (default stdout), or a stream (tests capture lines this way). */
  destination?: 1 | 2 | { write(line: string): void };
}): Logger {
  const destination = options.destination ?? 1;
  return pino(
    { name: options.name ?? "bezgelor", level: options.level, base: { pid: process.pid } },
    typeof destination === "number" ? pino.destination({ fd: destination, sync: true }) : destination,
  );
}
