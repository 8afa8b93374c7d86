import { auditLedger, type LedgerAuditReport } from "@bezgelor/db";
import { defineCommand, EXIT_CODES } from "../command";

export const ledgerAudit = defineCommand({
  path: ["ledger", "audit"],
  role: "admin",
  summary: "check every balance against the ledger; exit 1 naming each owner and currency that does not hold",
  options: {},
  printsData: true,
  async run(ctx) {
    const { client } = await ctx.openDatabase();
    const report = await auditLedger(client);
    ctx.print(report, (r: LedgerAuditReport) => {
      const counts = `${r.ownersChecked} owners, ${r.balancesChecked} balances, ${r.entriesChecked} ledger entries checked`;
      if (r.ok) return `ledger audit: ok (${counts})`;
      const more = r.failureCount > r.failures.length ? [`... and ${r.failureCount - r.failures.length} more`] : [];
      return [`ledger audit: ${r.failureCount} failures (${counts})`, ...r.failures.map((f) => `FAIL ${f.kind}: ${f.message}`), ...more].join("\n");
    });
    return report.ok ? EXIT_CODES.OK : EXIT_CODES.FAILURE;
  },
});
