// The world server's side of the offline journal: it replays waiting purchases when it starts and
// then every few seconds while any wait (the first replay after an outage ends applies them), and
// tells an online buyer the outcome in chat besides the mail. It learns its database's identity
// while the database answers (at start), and journals a purchase only once it knows it.
import { getDatabaseIdentity, type DbClient, type GameRules } from "@bezgelor/db";
import type { Logger } from "pino";
import { systemMessage } from "../game/system-message";
import type { SessionRegistry } from "../server/session-registry";
import type { OfflineJournal } from "./offline-journal";
import { replayJournal, type ReplayReport } from "./replay-journal";

/** The journal, its replay loop and who to tell. */
export class StoreJournal {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ReplayReport> | undefined;
  private identity: string | undefined;

  constructor(
    readonly journal: OfflineJournal,
    private readonly deps: { db: DbClient; rules: GameRules; logger: Logger; sessions: SessionRegistry; retryMs: number },
  ) {}

  /** The identity of the database purchases are journaled for; undefined until it was read. */
  get database(): string | undefined {
    return this.identity;
  }

  /**
   * Reads the database's identity (kept for good once read). Never rejects: while the database
   * cannot be reached it stays unknown, the failure is logged, and nothing can be journaled yet.
   */
  async identify(): Promise<string | undefined> {
    if (this.identity !== undefined) return this.identity;
    try {
      this.identity = await getDatabaseIdentity(this.deps.db);
    } catch (err) {
      this.deps.logger.warn({ err }, "could not read the database identity; purchases are journaled only after it is read");
    }
    return this.identity;
  }

  /** Replays now, then every `retryMs` while purchases of this database (or of one not yet known) wait. */
  start(): void {
    void this.replay(); // logged inside; the loop retries
    this.timer = setInterval(() => {
      const waiting = this.identity === undefined ? this.journal.pending().length : this.journal.pending(this.identity).length;
      if (waiting > 0) void this.replay(); // logged inside; the loop retries
    }, this.deps.retryMs);
    this.timer.unref();
  }

  /** One replay (or the one running). Never rejects: failures are logged and retried. */
  replay(): Promise<ReplayReport> {
    this.running ??= this.identify()
      .then(() =>
        replayJournal({
          journal: this.journal,
          db: this.deps.db,
          rules: this.deps.rules,
          logger: this.deps.logger,
          told: (p, outcome) => {
            const session = this.deps.sessions.ofAccount(p.accountId);
            if (session?.character?.id !== p.characterId) return;
            const text =
              outcome.outcome === "committed"
                ? `Your offline store purchase (offer ${p.offerId}) is complete.`
                : `Your offline store purchase (offer ${p.offerId}) failed: ${outcome.reason}. Nothing was charged.`;
            systemMessage(session, text);
          },
        }),
      )
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error }, "store journal replay failed");
        return {
          committed: 0,
          failed: 0,
          refused: [],
          remaining: this.journal.pending().length,
          held: 0,
          stopped: "unexpected failure",
        } satisfies ReplayReport;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops the loop, waits for a replay in progress and closes the file. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.journal.close();
  }
}
