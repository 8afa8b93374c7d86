import { shareRawPool, type PrismaClient } from "@bezgelor/db";
import type { Logger } from "pino";
import { ThrottledLog } from "./throttled-log";

/** While the database stays down, a reminder with the count of refused requests at most this often. */
const REMINDER_MS = 30_000;

/**
 * Whether the database answers, as requests see it. An outage is logged once when it starts (with
 * the error), then at most one reminder per 30 s with how many requests were refused, and once
 * when the first query succeeds again; requests in between are answered "unavailable" without a
 * log line each.
 */
export class DatabaseHealth {
  private downSince: number | undefined;
  private refused = 0;
  private readonly reminder: ThrottledLog;

  constructor(private readonly logger: Logger) {
    this.reminder = new ThrottledLog(logger, "warn", "database still unavailable", REMINDER_MS);
  }

  get down(): boolean {
    return this.downSince !== undefined;
  }

  /** A request failed because the database is unavailable. */
  failed(error: unknown, context: Record<string, unknown>): void {
    this.refused += 1;
    if (this.downSince === undefined) {
      this.downSince = Date.now();
      this.logger.error({ err: error, ...context }, "database unavailable: requests are answered 'unavailable' until it is back");
      this.reminder.restart();
      return;
    }
    this.reminder.log({ refused: this.refused, downForMs: Date.now() - this.downSince });
  }

  /** A query succeeded: ends an outage, if there was one. Cheap enough to call on every query. */
  succeeded(): void {
    if (this.downSince === undefined) return;
    this.logger.info({ downForMs: Date.now() - this.downSince, refused: this.refused }, "database available again");
    this.downSince = undefined;
    this.refused = 0;
  }
}

/**
 * `client`, with every successful Prisma query reported to `health` (so the end of an outage is
 * seen). One-statement actions keep going straight through the client's pool (shareRawPool), which
 * this does not see; the event delivery's poll, once a second, still reports the database back.
 */
export function observedClient(client: PrismaClient, health: DatabaseHealth): PrismaClient {
  const observed = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        const result: unknown = await query(args);
        health.succeeded();
        return result;
      },
    },
  }) as unknown as PrismaClient;
  shareRawPool(client, observed);
  return observed;
}
