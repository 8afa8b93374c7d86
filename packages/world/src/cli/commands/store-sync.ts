import { OfflineJournal, tornTailMessage } from "../../journal/offline-journal";
import { replayJournal, type ReplayReport } from "../../journal/replay-journal";
import { defineCommand, EXIT_CODES } from "../command";

export const storeSync = defineCommand({
  path: ["store", "sync"],
  role: "admin",
  summary:
    "apply the store purchases the offline journal holds (made while the database was down), each once; for when the world server is stopped (a running server replays by itself)",
  options: {
    claim: {
      type: "boolean",
      description:
        "also apply the entries that name no database (a journal written by a server before entries named theirs) to this one: only when you know they were made on it",
    },
  },
  printsData: true,
  async run(ctx, o) {
    const journal = await OfflineJournal.open(ctx.config.store.journalFile);
    if (journal.tornTail) ctx.notice(`warning: ${tornTailMessage(journal.file, journal.tornTail)}`);
    try {
      const waiting = journal.pending().length;
      if (waiting > 0) ctx.progress(`${waiting} journaled purchases in ${journal.file}: applying those made for this database`);
      const rules = await ctx.loadRules();
      const { client } = await ctx.openDatabase();
      const report = await replayJournal({ journal, db: client, rules, logger: ctx.logger, claimUnmarked: o.claim === true });
      ctx.print(report, (r: ReplayReport) =>
        [
          `store sync: ${r.committed} committed, ${r.failed} failed, ${r.remaining} waiting`,
          ...r.refused.map((f) => `failed: ${f.id} (account ${f.accountId}, offer ${f.offerId}): ${f.reason}; nothing was charged`),
          ...(r.held > 0 ? [`held: ${r.held} made for another database or naming none (not applied; see the log)`] : []),
          ...(r.stopped ? [`stopped: ${r.stopped}`] : []),
        ].join("\n"),
      );
      if (report.stopped === "database unavailable") return EXIT_CODES.UNAVAILABLE;
      return report.stopped ? EXIT_CODES.FAILURE : EXIT_CODES.OK;
    } finally {
      await journal.close();
    }
  },
});
