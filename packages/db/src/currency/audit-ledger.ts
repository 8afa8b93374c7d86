// The ledger audit: for every balance (a character's gold, an account's premium and bonus) the
// ledger must explain it exactly. One SQL statement, so it reads one snapshot (a live server may
// keep writing) and scales with the database: the chain is checked with window functions over the
// ledger, never by loading rows into JS. Entries are ordered by id: a change takes its id from the
// sequence while it holds the balance row's lock, so id order is the order the changes applied.
import type { Currency } from "@bezgelor/data";
import { z } from "zod";
import { runTransaction, type DbClient } from "../client.js";
import { auditStore, type StoreAuditReport } from "../store/audit-store.js";
import { toDbError } from "../errors.js";
import { Prisma } from "../generated/prisma/client";
import { parseInput } from "../validation.js";

/** What can fail, per entry or per balance. */
export const AUDIT_FAILURE_KINDS = [
  /** An entry whose balance_before + delta is not its balance_after. */
  "entry-arithmetic",
  /** An entry whose balance_before is not the previous entry's balance_after. */
  "chain-broken",
  /** The owner's first entry starts from a balance other than 0 and is not a migrated row. */
  "opening-balance",
  /** The balance is not the owner's last entry's balance_after. */
  "closing-balance",
  /** The balance is not the opening balance plus the sum of the deltas (or there is a balance and no entry). */
  "balance-mismatch",
] as const;

/** One of {@link AUDIT_FAILURE_KINDS}. */
export type AuditFailureKind = (typeof AUDIT_FAILURE_KINDS)[number];

/** One thing that does not hold, naming the owner and currency. */
export interface AuditFailure {
  kind: AuditFailureKind;
  currency: Currency;
  accountId: number;
  email: string | null;
  /** Set for gold. */
  characterId: number | null;
  characterName: string | null;
  /** The entry at fault; null for balance-mismatch. */
  ledgerEntryId: bigint | null;
  /** What the ledger says the value should be, and what it is. */
  expected: bigint;
  actual: bigint;
  /** One line for a person, e.g. "gold of character Aurora (12, me@example.com): balance is 900, the ledger sums to 500". */
  message: string;
}

/** What {@link auditLedger} found. */
export interface LedgerAuditReport {
  /** True when nothing failed. */
  ok: boolean;
  /** Characters and accounts whose balances were checked. */
  ownersChecked: number;
  /** Balances checked: one per owner and currency (gold per character, premium and bonus per account that has them). */
  balancesChecked: number;
  entriesChecked: number;
  /** Every failure found; `failures` holds the first `maxFailures` of them. */
  failureCount: number;
  /** Ordered by currency, owner and entry. */
  failures: AuditFailure[];
  /** The store's transactions against their ledger entries, and units sold against them; `ok` needs these empty too. */
  store: StoreAuditReport;
}

/** Options for {@link auditLedger}. */
export interface AuditLedgerOptions {
  /** How many failures to return in full (1..100000, default 1000); all are counted. */
  maxFailures?: number | undefined;
}

interface FailureJson {
  kind: AuditFailureKind;
  currency: Currency;
  accountId: number;
  email: string | null;
  characterId: number | null;
  characterName: string | null;
  ledgerEntryId: string | null;
  expected: string;
  actual: string;
  entries: number;
}

interface SummaryRow {
  owners_checked: bigint;
  balances_checked: bigint;
  entries_checked: bigint;
  failure_count: bigint;
  failures: FailureJson[];
}

function auditSql(maxFailures: number): Prisma.Sql {
  return Prisma.sql`WITH "entries" AS (
      SELECT l."id", l."account_id", l."currency", l."delta", l."balance_before", l."balance_after", l."source",
        CASE WHEN l."currency" = 'gold' THEN l."character_id" ELSE l."account_id" END AS "owner_id",
        LAG(l."balance_after") OVER "w" AS "prev_after",
        ROW_NUMBER() OVER "w" AS "n",
        LEAD(l."id") OVER "w" IS NULL AS "last"
      FROM "currency_ledger" l
      WINDOW "w" AS (PARTITION BY l."currency", CASE WHEN l."currency" = 'gold' THEN l."character_id" ELSE l."account_id" END ORDER BY l."id")
    ), "sums" AS (
      SELECT "currency", "owner_id", COUNT(*) AS "entries", SUM("delta") AS "total",
        -- A migrated first row carries the balance from before the ledger existed.
        COALESCE(MAX("balance_before") FILTER (WHERE "n" = 1 AND "source" = 'migration'), 0) AS "opening",
        MAX("balance_after") FILTER (WHERE "last") AS "closing", MAX("id") AS "last_id"
      FROM "entries" GROUP BY "currency", "owner_id"
    ), "balances" AS (
      SELECT 'gold'::varchar AS "currency", "id" AS "owner_id", "gold" AS "balance" FROM "characters"
      UNION ALL
      SELECT "currency", "account_id", "balance" FROM "account_currencies"
    ), "owners" AS (
      -- A premium or bonus balance without its row is 0; a gold entry's character always exists (cascade).
      SELECT "currency", "owner_id", COALESCE(b."balance", 0)::numeric AS "balance", COALESCE(s."entries", 0) AS "entries",
        COALESCE(s."total", 0)::numeric + COALESCE(s."opening", 0)::numeric AS "expected", s."closing"::numeric AS "closing", s."last_id"
      FROM "balances" b FULL JOIN "sums" s USING ("currency", "owner_id")
    ), "failures" AS (
      SELECT e."currency", e."owner_id", e."id" AS "entry_id", f."kind", f."expected", f."actual", 0::bigint AS "entries"
      FROM "entries" e CROSS JOIN LATERAL (VALUES
        ('entry-arithmetic', e."balance_before"::numeric + e."delta"::numeric, e."balance_after"::numeric),
        ('chain-broken', e."prev_after"::numeric, e."balance_before"::numeric),
        ('opening-balance', 0::numeric, e."balance_before"::numeric)
      ) AS f("kind", "expected", "actual")
      WHERE (f."kind" = 'entry-arithmetic' AND f."expected" <> f."actual")
         OR (f."kind" = 'chain-broken' AND e."n" > 1 AND f."expected" <> f."actual")
         OR (f."kind" = 'opening-balance' AND e."n" = 1 AND e."balance_before" <> 0 AND e."source" <> 'migration')
      UNION ALL
      SELECT o."currency", o."owner_id", o."last_id", 'closing-balance', o."closing", o."balance", o."entries"
      FROM "owners" o WHERE o."closing" <> o."balance"
      UNION ALL
      SELECT o."currency", o."owner_id", NULL, 'balance-mismatch', o."expected", o."balance", o."entries"
      FROM "owners" o WHERE o."balance" <> o."expected"
    ), "shown" AS (
      SELECT f.*, c."name" AS "character_name", a."id" AS "account_id", a."email"
      FROM "failures" f
      LEFT JOIN "characters" c ON f."currency" = 'gold' AND c."id" = f."owner_id"
      LEFT JOIN "accounts" a ON a."id" = CASE WHEN f."currency" = 'gold' THEN c."account_id" ELSE f."owner_id" END
      ORDER BY f."currency", f."owner_id", f."entry_id" NULLS LAST, f."kind"
      LIMIT ${maxFailures}
    )
    SELECT
      (SELECT COUNT(DISTINCT ("currency" = 'gold', "owner_id")) FROM "owners") AS "owners_checked",
      (SELECT COUNT(*) FROM "owners") AS "balances_checked",
      (SELECT COUNT(*) FROM "entries") AS "entries_checked",
      (SELECT COUNT(*) FROM "failures") AS "failure_count",
      (SELECT COALESCE(jsonb_agg(jsonb_build_object(
          'kind', s."kind", 'currency', s."currency",
          'accountId', COALESCE(s."account_id", CASE WHEN s."currency" = 'gold' THEN NULL ELSE s."owner_id" END),
          'email', s."email",
          'characterId', CASE WHEN s."currency" = 'gold' THEN s."owner_id" END, 'characterName', s."character_name",
          'ledgerEntryId', s."entry_id"::text, 'expected', s."expected"::text, 'actual', s."actual"::text, 'entries', s."entries"
        ) ORDER BY s."currency", s."owner_id", s."entry_id" NULLS LAST, s."kind"), '[]'::jsonb) FROM "shown" s) AS "failures"`;
}

function ownerLabel(f: FailureJson): string {
  const email = f.email ?? "unknown account";
  return f.currency === "gold"
    ? `gold of character ${f.characterName ?? "?"} (${f.characterId}, ${email})`
    : `${f.currency} of account ${email} (${f.accountId})`;
}

function describeFailure(f: FailureJson): string {
  const entry = `entry ${f.ledgerEntryId}`;
  switch (f.kind) {
    case "entry-arithmetic":
      return `${ownerLabel(f)}: ${entry} has balance_after ${f.actual}, but balance_before + delta is ${f.expected}`;
    case "chain-broken":
      return `${ownerLabel(f)}: ${entry} has balance_before ${f.actual}, but the previous entry ended at ${f.expected}`;
    case "opening-balance":
      return `${ownerLabel(f)}: ${entry} opens the history at ${f.actual}, not 0, and is not a migrated row`;
    case "closing-balance":
      return `${ownerLabel(f)}: balance is ${f.actual}, but the last entry (${f.ledgerEntryId}) ends at ${f.expected}`;
    case "balance-mismatch":
      return f.entries === 0
        ? `${ownerLabel(f)}: balance is ${f.actual}, but there are no ledger entries`
        : `${ownerLabel(f)}: balance is ${f.actual}, but the ledger (${f.entries} entries) sums to ${f.expected}`;
  }
}

const AuditLedgerInput = z.object({ maxFailures: z.number().int().min(1).max(100_000).default(1000) });

/**
 * Checks every balance against the ledger, in one statement over one snapshot: each entry's
 * balance_before + delta = balance_after and equals the next entry's balance_before, an owner's
 * history starts at 0 (unless its first entry is a migrated row, which carries the balance the
 * older gold ledger started from), every balance equals that start plus the sum of its deltas and
 * its last entry's balance_after.
 * A balance with no ledger entry is a failure. Also audits the store (`store`): each committed
 * transaction against its ledger entry, each offer's units sold against its committed
 * transactions. Read-only. Throws DbError INVALID_INPUT
 * (maxFailures), INTERNAL (database failure).
 */
export async function auditLedger(db: DbClient, options: AuditLedgerOptions = {}): Promise<LedgerAuditReport> {
  const { maxFailures } = parseInput(AuditLedgerInput, options);
  let row: SummaryRow | undefined;
  let store: StoreAuditReport;
  try {
    // One repeatable-read snapshot for both statements, so a live server's writes between them cannot show as a mismatch.
    [row, store] = await runTransaction(
      db,
      async (tx) => {
        const [summary] = await tx.$queryRaw<SummaryRow[]>(auditSql(maxFailures));
        return [summary, await auditStore(tx)] as const;
      },
      { isolationLevel: "RepeatableRead" },
    );
  } catch (error) {
    throw toDbError(error, "Auditing the ledger failed");
  }
  if (!row) throw toDbError(new Error("the audit query returned no row"), "Auditing the ledger failed");
  const failures = row.failures.map((f): AuditFailure => ({
    kind: f.kind,
    currency: f.currency,
    accountId: f.accountId,
    email: f.email,
    characterId: f.characterId,
    characterName: f.characterName,
    ledgerEntryId: f.ledgerEntryId === null ? null : BigInt(f.ledgerEntryId),
    expected: BigInt(f.expected),
    actual: BigInt(f.actual),
    message: describeFailure(f),
  }));
  const failureCount = Number(row.failure_count);
  return {
    ok: failureCount === 0 && store.failures.length === 0,
    store,
    ownersChecked: Number(row.owners_checked),
    balancesChecked: Number(row.balances_checked),
    entriesChecked: Number(row.entries_checked),
    failureCount,
    failures,
  };
}
