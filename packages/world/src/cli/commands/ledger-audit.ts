import { auditLedger, type LedgerAuditReport } from "@bezgelor/db";
import { defineCommand, EXIT_CODES } from "../command";

export const ledgerAudit = defineCommand({
  path: ["ledger", "audit"],
  role: "admin",
  summary:
    "check every balance against the ledger, every committed store transaction against its ledger entry and every offer's units sold against its transactions; exit 1 naming each that does not hold",
  options: {},
  printsData: true,
  async run(ctx) {
    const { client } = await ctx.openDatabase();
    const report = await auditLedger(client);
    ctx.print(report, (r: LedgerAuditReport) => {
      const counts =
        `${r.ownersChecked} owners, ${r.balancesChecked} balances, ${r.entriesChecked} ledger entries, ` +
        `${r.store.transactionsChecked} store transactions, ${r.store.offersChecked} offers checked`;
      if (r.ok) return `ledger audit: ok (${counts})`;
      const more = r.failureCount > r.failures.length ? [`... and ${r.failureCount - r.failures.length} more`] : [];
      return [
        `ledger audit: ${r.failureCount + r.store.failures.length} failures (${counts})`,
        ...r.failures.map((f) => `FAIL ${f.kind}: ${f.message}`),
        ...more,
        ...r.store.failures.map((f) => `FAIL ${f.kind}: ${f.message}`),
      ].join("\n");
    });
    return report.ok ? EXIT_CODES.OK : EXIT_CODES.FAILURE;
  },
});
