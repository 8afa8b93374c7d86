// The store's part of `bezgelor ledger audit`: every committed transaction that moved money agrees
// with its currency_ledger entry (the same owner, delta = -amount, the same balance before and
// after), and every offer's units sold equal the quantities of its committed transactions. One
// statement, so one snapshot.
import type { Prisma } from "../generated/prisma/client";
import { Prisma as P } from "../generated/prisma/client";

/** What can fail in the store audit. */
export const STORE_AUDIT_FAILURE_KINDS = ["transaction-ledger-mismatch", "transaction-without-ledger-entry", "stock-sold-mismatch"] as const;

/** One thing that does not hold. `expected` is what the ledger or the transactions say; `actual` what the row holds. */
export interface StoreAuditFailure {
  kind: (typeof STORE_AUDIT_FAILURE_KINDS)[number];
  transactionId: string | null;
  offerId: number;
  ledgerEntryId: bigint | null;
  expected: string;
  actual: string;
  message: string;
}

/** What {@link auditStore} found. */
export interface StoreAuditReport {
  transactionsChecked: number;
  offersChecked: number;
  failures: StoreAuditFailure[];
}

interface Row {
  kind: StoreAuditFailure["kind"];
  transaction_id: string | null;
  offer_id: number;
  ledger_entry_id: bigint | null;
  expected: string;
  actual: string;
}

const SQL = P.sql`WITH "tx" AS (
    SELECT t.*, l."id" AS "l_id", l."account_id" AS "l_account", l."delta" AS "l_delta", l."balance_before" AS "l_before", l."balance_after" AS "l_after"
    FROM "store_transactions" t LEFT JOIN "currency_ledger" l ON l."id" = t."ledger_entry_id"
    WHERE t."status" = 'committed'
  )
  SELECT 'transaction-without-ledger-entry' AS "kind", "id" AS "transaction_id", "offer_id", "ledger_entry_id",
    'a ledger entry of -' || "amount" AS "expected", COALESCE('entry ' || "ledger_entry_id", 'none') AS "actual"
  FROM "tx" WHERE "amount" > 0 AND "l_id" IS NULL
  UNION ALL
  SELECT 'transaction-ledger-mismatch', "id", "offer_id", "ledger_entry_id",
    'account ' || "account_id" || ', delta -' || "amount" || ', ' || "balance_before" || ' -> ' || "balance_after",
    'account ' || "l_account" || ', delta ' || "l_delta" || ', ' || "l_before" || ' -> ' || "l_after"
  FROM "tx" WHERE "l_id" IS NOT NULL AND ("l_account" <> "account_id" OR "l_delta" <> -"amount"
    OR "l_before" IS DISTINCT FROM "balance_before" OR "l_after" IS DISTINCT FROM "balance_after")
  UNION ALL
  SELECT 'stock-sold-mismatch', NULL, o."id", NULL, COALESCE(s."units", 0)::text, o."sold"::text
  FROM "store_offers" o LEFT JOIN (SELECT "offer_id", SUM("quantity") AS "units" FROM "tx" GROUP BY "offer_id") s ON s."offer_id" = o."id"
  WHERE o."sold" <> COALESCE(s."units", 0)
  ORDER BY 1, 3, 2`;

function describe(r: Row): string {
  switch (r.kind) {
    case "transaction-without-ledger-entry":
      return `store transaction ${r.transaction_id} (offer ${r.offer_id}) charged money but has no ledger entry (${r.actual})`;
    case "transaction-ledger-mismatch":
      return `store transaction ${r.transaction_id} (offer ${r.offer_id}) says ${r.expected}, its ledger entry ${r.ledger_entry_id} says ${r.actual}`;
    case "stock-sold-mismatch":
      return `offer ${r.offer_id} counts ${r.actual} units sold, its committed transactions ${r.expected}`;
  }
}

/** Audits the store's transactions and units sold in `tx` (one snapshot). Read-only. */
export async function auditStore(tx: Prisma.TransactionClient): Promise<StoreAuditReport> {
  const rows = await tx.$queryRaw<Row[]>(SQL);
  const [counts] = await tx.$queryRaw<Array<{ transactions: bigint; offers: bigint }>>`SELECT
    (SELECT COUNT(*) FROM "store_transactions" WHERE "status" = 'committed') AS "transactions", (SELECT COUNT(*) FROM "store_offers") AS "offers"`;
  return {
    transactionsChecked: Number(counts?.transactions ?? 0),
    offersChecked: Number(counts?.offers ?? 0),
    failures: rows.map((r) => ({
      kind: r.kind,
      transactionId: r.transaction_id,
      offerId: Number(r.offer_id),
      ledgerEntryId: r.ledger_entry_id === null ? null : BigInt(r.ledger_entry_id),
      expected: r.expected,
      actual: r.actual,
      message: describe(r),
    })),
  };
}
