import { auditLedger, getAccountByEmail, listLedger, MAX_LEDGER_PAGE, type LedgerAuditReport, type LedgerRecord } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, EXIT_CODES, str } from "../command";
import { characterOf, parseCurrency } from "../currency-change";

function parseCount(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new WorldError("USAGE", `--${name} must be a whole number, got ${value}`);
  return Number(value);
}

const entryLine = (e: LedgerRecord) =>
  [
    `#${e.id}`,
    e.createdAt.toISOString(),
    e.currency + (e.characterId === null ? "" : `(character ${e.characterId})`),
    `${e.delta > 0n ? "+" : ""}${e.delta}`,
    `${e.balanceBefore} -> ${e.balanceAfter}`,
    e.source,
    JSON.stringify(e.reason),
    e.actor,
    ...(e.idempotencyKey === null ? [] : [`key ${e.idempotencyKey}`]),
  ].join("  ");

export const ledgerShow = defineCommand({
  path: ["ledger", "show"],
  summary: "list an account's (or one character's) ledger entries, newest first",
  options: {
    email: { type: "string", description: "the account's login email", required: true },
    character: { type: "string", description: "only this character's entries (its gold)" },
    currency: { type: "string", description: "only gold, premium or bonus" },
    limit: { type: "string", description: `entries to show, 1 to ${MAX_LEDGER_PAGE}`, default: "50" },
    offset: { type: "string", description: "newest entries to skip", default: "0" },
  },
  printsData: true,
  async run(ctx, o) {
    const limit = parseCount("limit", str(o, "limit"));
    const offset = parseCount("offset", str(o, "offset"));
    const currency = typeof o.currency === "string" ? parseCurrency(o.currency) : undefined;
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const character = typeof o.character === "string" ? await characterOf(client, account, o.character) : undefined;
    const entries = await listLedger(client, { accountId: account.id, characterId: character?.id, currency, limit, offset });
    ctx.print(entries, (es: LedgerRecord[]) => (es.length === 0 ? "no ledger entries" : es.map(entryLine).join("\n")));
  },
});

export const ledgerAudit = defineCommand({
  path: ["ledger", "audit"],
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
