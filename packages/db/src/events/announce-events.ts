// Announcing committed events to other processes. A NOTIFY inside the transaction that wrote the
// events would be delivered only on commit, which is what listeners need, but PostgreSQL then
// holds its notification queue's lock through that commit's WAL flush: every notifying commit
// waits for the one before it, and a database that commits 8,000 one-row UPDATEs a second commits
// 220-390 of them (pgbench, 32 clients, PostgreSQL 15). So an action that owns its transaction
// announces after commit instead, in a transaction of its own that writes no WAL and so never waits
// for a flush, and commits that end while one announcement is on its way share the next.
import type { PrismaClient } from "../generated/prisma/client";
import { GAME_EVENTS_CHANNEL } from "./append-events.js";

/** One client's announcements: at most one NOTIFY in flight; callers during it share the next. */
class Announcer {
  private running = false;
  /** The last pump started: settled once no NOTIFY is in flight or owed. */
  pumping: Promise<void> | undefined;
  /** Callers since the NOTIFY in flight was sent, served by the next one. */
  private waiting: Array<() => void> = [];

  constructor(private readonly client: PrismaClient) {}

  announce(): Promise<void> {
    const served = new Promise<void>((resolve) => this.waiting.push(resolve));
    if (!this.running) {
      this.running = true;
      this.pumping = this.pump();
    }
    return served;
  }

  private async pump(): Promise<void> {
    while (this.waiting.length > 0) {
      const served = this.waiting;
      this.waiting = [];
      try {
        await this.client.$executeRaw`SELECT pg_notify(${GAME_EVENTS_CHANNEL}, '')`;
      } catch {
        // Listeners also poll: a lost announcement delays other processes' delivery by one poll.
      }
      for (const resolve of served) resolve();
    }
    // In the same turn as the last look at `waiting`: a later call starts a new pump.
    this.running = false;
  }
}

const announcers = new WeakMap<PrismaClient, Announcer>();

/**
 * Tells every listener on {@link GAME_EVENTS_CHANNEL} (an empty payload) that events written by
 * `client` have committed: call it after the commit. Calls made while a NOTIFY is in flight are
 * served by one more NOTIFY sent when it completes, so a busy client sends about one per round
 * trip, not one per action. Resolves once a NOTIFY sent after the call has completed; never
 * rejects (a failure leaves delivery to the listeners' poll).
 */
export function announceEvents(client: PrismaClient): Promise<void> {
  let announcer = announcers.get(client);
  if (announcer === undefined) announcers.set(client, (announcer = new Announcer(client)));
  return announcer.announce();
}

/** Resolves when every announcement `client` owes has been sent (or failed): before closing it. */
export async function announcementsSettled(client: PrismaClient): Promise<void> {
  await announcers.get(client)?.pumping;
}
