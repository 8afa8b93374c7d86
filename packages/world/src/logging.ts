import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger } from "pino";

/**
 * The process logger: structured JSON on stdout (or stderr for CLI commands whose stdout is data).
 * Sessions and commands take `logger.child({...})` so every line carries its context.
 */
export function createLogger(options: { level: LevelWithSilent; name?: string; destination?: 1 | 2 }): Logger {
  return pino(
    { name: options.name ?? "bezgelor", level: options.level, base: { pid: process.pid } },
    pino.destination({ fd: options.destination ?? 1, sync: true }),
  );
}
