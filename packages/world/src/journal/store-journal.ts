// The world server's side of the offline journal: it replays waiting purchases when it starts and
// then every few seconds while any wait (the first replay after an outage ends applies them), and
// tells an online buyer the outcome in chat besides the mail.
import type { DbClient, GameRules } from "@bezgelor/db";
import type { Logger } from "pino";
import { systemMessage } from "../game/system-message";
import type { SessionRegistry } from "../server/session-registry";
import type { OfflineJournal } from "./offline-journal";
import { replayJournal, type ReplayReport } from "./replay-journal";

/** The journal, its replay loop and who to tell. */
export class StoreJournal {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ReplayReport> | undefined;

  constructor(
    readonly journal: OfflineJournal,
    private readonly deps: { db: DbClient; rules: GameRules; logger: Logger; sessions: SessionRegistry; retryMs: number },
  ) {}

  /** Replays now, then every `retryMs` while purchases wait. */
  start(): void {
    void this.replay(); // logged inside; the loop retries
    this.timer = setInterval(() => {
      if (this.journal.pending().length > 0) void this.replay(); // logged inside; the loop retries
    }, this.deps.retryMs);
    this.timer.unref();
  }

  /** One replay (or the one running). Never rejects: failures are logged and retried. */
  replay(): Promise<ReplayReport> {
    this.running ??= replayJournal({
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
    })
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error }, "store journal replay failed");
        return { committed: 0, failed: 0, remaining: this.journal.pending().length, stopped: "unexpected failure" } satisfies ReplayReport;
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
