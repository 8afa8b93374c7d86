import type { Logger } from "pino";

/**
 * Logs an event that can repeat thousands of times a second (refused connections, accept errors)
 * at most once per `intervalMs`; the next line says how many were suppressed in between, so the
 * log stays readable and nothing is hidden.
 */
export class ThrottledLog {
  private lastAt = -Infinity;
  private suppressed = 0;

  constructor(
    private readonly logger: Logger,
    private readonly level: "info" | "warn" | "error",
    private readonly msg: string,
    private readonly intervalMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a quiet interval now (the caller just logged the event itself). */
  restart(): void {
    this.lastAt = this.now();
    this.suppressed = 0;
  }

  /** Logs `fields` now, or counts the event if a line was written less than the interval ago. */
  log(fields: Record<string, unknown>): void {
    const at = this.now();
    if (at - this.lastAt < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    this.logger[this.level]({ ...fields, suppressedSinceLastLine: this.suppressed }, this.msg);
    this.lastAt = at;
    this.suppressed = 0;
  }
}
