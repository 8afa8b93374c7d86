// Delivers the outbox: events written by any process (this server's handlers, the CLI, other
// services importing @bezgelor/db) reach the players they concern. Claiming marks an event
// delivered in the same statement that reads it, so each is delivered once. The server flushes
// right after its own actions commit; LISTEN/NOTIFY wakes it for other processes' events, and a
// poll catches anything a lost notification missed.
import type { LastCatalog } from "../journal/last-catalog";
import { autovacuumRuns, claimPendingEvents, GAME_EVENTS_CHANNEL, pruneDeliveredEvents, vacuumWhereDue, type Database, type DbClient } from "@bezgelor/db";
import type { GameData } from "@bezgelor/data";
import type { Logger } from "pino";
import { ThrottledLog } from "../server/throttled-log";
import { deliverEvent } from "./deliver-event";
import type { Recipients } from "./recipients";

/** Delivery settings (config `events`). */
export interface EventDeliveryOptions {
  /**
   * Where notifications are listened for. Where no autovacuum daemon runs (the embedded database,
   * `kind` "pglite", or a PostgreSQL server with `autovacuum` off), the tables due are also
   * vacuumed or analyzed through `client` once a minute, after the prune.
   */
  database: Pick<Database, "listen" | "kind" | "client">;
  /** Where events are claimed (and delivery reads what it needs): the database's `delivery` client where it has one. */
  db: DbClient;
  data: GameData;
  recipients: Recipients;
  /** This server's realm id, for the identities the friend and mail packets carry. */
  realmId: number;
  /** The store prices each account was last shown (the catalog is sent again on a change). */
  lastCatalog: LastCatalog;
  logger: Logger;
  /** Milliseconds between polls for events no notification announced. */
  pollIntervalMs: number;
  /** Delivered events older than this many seconds are deleted, checked once a minute. */
  retentionSeconds: number;
}

/**
 * Events claimed per statement: the most claimPendingEvents takes. With 1,000 players setting
 * titles on PGlite, claiming 200 at a time gave 8.0k sets/s with a p99 of 192 ms; 1,000 at a time,
 * 12.8k/s and 158 ms (one claim round trip where there were five).
 */
const BATCH = 1000;
const PRUNE_EVERY_MS = 60_000;

/** The world server's event delivery; one per server and database. */
export class EventDelivery {
  private flushing: Promise<void> | undefined;
  /** flush() calls so far; each is served by the first claim pass that starts after it. */
  private requested = 0;
  /** The value of `requested` when the last finished pass started. */
  private served = 0;
  /** Callers waiting for a pass, in call order (their targets only grow). */
  private waiters: { target: number; resolve: () => void }[] = [];
  private timers: NodeJS.Timeout[] = [];
  private unlisten: (() => Promise<void>) | undefined;
  private stopped = false;
  /** Whether this server vacuums the tables due itself: no autovacuum daemon does (set by start). */
  private vacuums = false;
  /** A database outage fails every poll: one line a minute says so, not one a second. */
  private readonly claimFailures: ThrottledLog;

  constructor(private readonly options: EventDeliveryOptions) {
    this.claimFailures = new ThrottledLog(options.logger, "warn", "claiming events failed; retrying on the next poll", 60_000);
  }

  /**
   * Starts listening and polling. A failure to listen is logged; polling still delivers. On a
   * PostgreSQL server without autovacuum, says so once: this server vacuums the tables due.
   */
  async start(): Promise<void> {
    const { database, logger, pollIntervalMs } = this.options;
    this.vacuums = database.kind === "pglite" || (database.kind === "postgres" && !(await this.autovacuumRuns()));
    try {
      this.unlisten = await database.listen(GAME_EVENTS_CHANNEL, () => void this.flush());
    } catch (err) {
      logger.warn({ err }, "cannot listen for events; delivering by polling only");
    }
    this.timers.push(setInterval(() => void this.flush(), pollIntervalMs).unref());
    this.timers.push(setInterval(() => void this.prune(), PRUNE_EVERY_MS).unref());
    await this.flush();
  }

  /**
   * Delivers every pending event, oldest first. An event committed before the call is delivered
   * before the returned promise resolves: it resolves when the first claim pass that started
   * after the call ends, not when the drain loop ends, so a steady stream of flushes from busy
   * sessions never keeps an earlier caller waiting. Never rejects: a failure is logged and
   * retried by the next flush.
   */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const target = ++this.requested;
    const done = new Promise<void>((resolve) => this.waiters.push({ target, resolve }));
    this.flushing ??= this.drain();
    return done;
  }

  /** Stops polling and listening; waits for a flush in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.unlisten?.().catch(() => undefined);
    await this.flushing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.served < this.requested && !this.stopped) {
        const upTo = this.requested;
        await this.deliverPending();
        this.served = upTo;
        this.release(upTo);
      }
    } finally {
      // Cleared in the same turn as the last check of `requested`, so no flush() can slip between.
      this.flushing = undefined;
      if (this.stopped) this.release(Number.POSITIVE_INFINITY);
    }
  }

  private release(upTo: number): void {
    let n = 0;
    while (n < this.waiters.length && this.waiters[n]!.target <= upTo) this.waiters[n++]!.resolve();
    this.waiters.splice(0, n);
  }

  private async deliverPending(): Promise<void> {
    const { db, data, recipients, realmId, logger, lastCatalog } = this.options;
    for (;;) {
      let batch;
      try {
        batch = await claimPendingEvents(db, { limit: BATCH });
      } catch (err) {
        this.claimFailures.log({ err });
        return;
      }
      for (const { id, event } of batch) {
        try {
          await deliverEvent({ to: recipients, data, db, realmId, lastCatalog }, event);
          logger.debug({ eventId: id.toString(), kind: event.kind, account: event.accountId, character: event.characterId }, "event delivered");
        } catch (err) {
          logger.error({ err, eventId: id.toString(), kind: event.kind }, "delivering an event failed");
        }
      }
      if (batch.length < BATCH) return;
    }
  }

  private async prune(): Promise<void> {
    const { db, logger, retentionSeconds } = this.options;
    try {
      const pruned = await pruneDeliveredEvents(db, { deliveredBefore: new Date(Date.now() - retentionSeconds * 1000) });
      if (pruned > 0) logger.debug({ pruned }, "delivered events pruned");
    } catch (err) {
      logger.warn({ err }, "pruning delivered events failed");
    }
    if (this.vacuums) await this.vacuum();
  }

  /** Whether PostgreSQL's autovacuum daemon runs; when it does not, says so. A failure to tell counts as running. */
  private async autovacuumRuns(): Promise<boolean> {
    const { database, logger } = this.options;
    try {
      if (await autovacuumRuns(database)) return true;
    } catch (err) {
      logger.warn({ err }, "cannot read the autovacuum settings; leaving vacuum to the server");
      return true;
    }
    logger.warn(
      "autovacuum is off on this PostgreSQL server: the world server vacuums and analyzes the tables due once a minute (the outbox's claimed events would otherwise never be reclaimed); set autovacuum = on in postgresql.conf to leave this to PostgreSQL",
    );
    return false;
  }

  /** What the autovacuum daemon does, where none runs (vacuumWhereDue). */
  private async vacuum(): Promise<void> {
    const { database, logger } = this.options;
    try {
      const { vacuumed, analyzed } = await vacuumWhereDue(database);
      if (vacuumed.length + analyzed.length > 0) logger.debug({ vacuumed, analyzed }, "tables vacuumed and analyzed");
    } catch (err) {
      logger.warn({ err }, "vacuuming the tables due failed");
    }
  }
}
