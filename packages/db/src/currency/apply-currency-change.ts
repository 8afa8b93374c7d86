// The one place a balance changes. Each change is a single statement (a data-modifying CTE): the
// balance update, guarded so it can neither go below zero nor past 2^63-1, and its ledger row
// with the balance before and after. Concurrent changes serialise on the balance row's lock, and
// the guard is re-checked against the latest row version after waiting, so nothing overdraws.
import { CURRENCIES, type Currency } from "@bezgelor/data";
import { DB_ERROR_CODES, DbError, isForeignKeyViolation } from "../errors.js";
import { Prisma } from "../generated/prisma/client";
import { MAX_INT64 } from "../validation.js";
import type { LedgerSource } from "./ledger-source.js";

/** One balance change to apply. */
export interface CurrencyChange {
  currency: Currency;
  /** Gold: the character whose purse changes. */
  characterId?: number | undefined;
  /** Premium and bonus: the account whose balance changes. */
  accountId?: number | undefined;
  /** Non-zero; positive credits, negative debits. */
  delta: bigint;
  reason: string;
  source: LedgerSource;
  /** The ledger's actor string (see formatActor). */
  actor: string;
  idempotencyKey: string | null;
}

/** The ledger entry a change wrote. */
export interface LedgerEntry {
  ledgerEntryId: bigint;
  currency: Currency;
  accountId: number;
  characterId: number | null;
  delta: bigint;
  balanceBefore: bigint;
  balanceAfter: bigint;
}

interface Row {
  id: bigint;
  account_id: number;
  character_id: number | null;
  balance_before: bigint;
  balance_after: bigint;
}

function guard(column: Prisma.Sql, delta: bigint): Prisma.Sql {
  return delta > 0n ? Prisma.sql`${column} <= ${MAX_INT64}::bigint - ${delta}::bigint` : Prisma.sql`${column} >= ${-delta}::bigint`;
}

function ledgerCtes(change: CurrencyChange, changed: Prisma.Sql, owner: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`"changed" AS (${changed}),
    "ledger" AS (INSERT INTO "currency_ledger" ("account_id", "character_id", "currency", "delta", "balance_before", "balance_after",
      "reason", "source", "actor", "idempotency_key")
    SELECT ${owner}, ${change.currency}, ${change.delta}::bigint, "balance" - ${change.delta}::bigint, "balance",
      ${change.reason}, ${change.source}, ${change.actor}, ${change.idempotencyKey} FROM "changed"
    RETURNING "id", "account_id", "character_id", "balance_before", "balance_after")`;
}

/**
 * The CTEs of a gold change, for a statement that does more with it: `"changed"`, the guarded
 * update of the character's gold, and `"ledger"`, its ledger row (columns id, account_id,
 * character_id, balance_before, balance_after). Both are empty when the guard refuses (not
 * enough, or past 2^63-1) or the character does not exist: explain it with {@link currencyRefusal}.
 */
export function goldChangeCtes(change: CurrencyChange, characterId: number): Prisma.Sql {
  const changed = Prisma.sql`UPDATE "characters" SET "gold" = "gold" + ${change.delta}::bigint
    WHERE "id" = ${characterId} AND ${guard(Prisma.sql`"gold"`, change.delta)}
    RETURNING "id", "account_id", "gold" AS "balance"`;
  return ledgerCtes(change, changed, Prisma.sql`"account_id", "id"`);
}

function accountCtes(change: CurrencyChange, accountId: number): Prisma.Sql {
  const changed = Prisma.sql`UPDATE "account_currencies" SET "balance" = "balance" + ${change.delta}::bigint, "updated_at" = CURRENT_TIMESTAMP
    WHERE "account_id" = ${accountId} AND "currency" = ${change.currency} AND ${guard(Prisma.sql`"balance"`, change.delta)}
    RETURNING "account_id", "balance"`;
  return ledgerCtes(change, changed, Prisma.sql`"account_id", NULL::integer`);
}

/**
 * Reads the balance to explain a change that wrote no ledger row: DbError CHARACTER_NOT_FOUND or
 * ACCOUNT_NOT_FOUND (no owner), INSUFFICIENT_FUNDS (a debit) or BALANCE_OVERFLOW (a credit).
 */
export async function currencyRefusal(tx: Prisma.TransactionClient, change: CurrencyChange, ownerId: number): Promise<DbError> {
  const gold = change.currency === "gold";
  const balance = gold
    ? (await tx.character.findUnique({ where: { id: ownerId }, select: { gold: true } }))?.gold
    : (await tx.accountCurrency.findUnique({ where: { accountId_currency: { accountId: ownerId, currency: change.currency } }, select: { balance: true } }))
        ?.balance;
  if (balance === undefined) {
    return gold
      ? new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${ownerId}`, { details: { characterId: ownerId } })
      : new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account ${ownerId}`, { details: { accountId: ownerId } });
  }
  const owner = gold ? `Character ${ownerId}` : `Account ${ownerId}`;
  const details = { currency: change.currency, ownerId, balance: balance.toString(), delta: change.delta.toString() };
  return change.delta < 0n
    ? new DbError(DB_ERROR_CODES.INSUFFICIENT_FUNDS, `${owner} has ${balance} ${change.currency}, needs ${-change.delta}`, { details })
    : new DbError(DB_ERROR_CODES.BALANCE_OVERFLOW, `Adding ${change.delta} ${change.currency} to ${balance} would exceed the 64-bit maximum`, { details });
}

/** Creates the account's row of `change.currency` if missing. Throws ACCOUNT_NOT_FOUND. */
async function ensureAccountCurrencyRow(tx: Prisma.TransactionClient, change: CurrencyChange, accountId: number): Promise<void> {
  try {
    await tx.$executeRaw`INSERT INTO "account_currencies" ("account_id", "currency") VALUES (${accountId}, ${change.currency})
      ON CONFLICT ("account_id", "currency") DO NOTHING`;
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account ${accountId}`, { cause: error, details: { accountId } });
    throw error;
  }
}

/**
 * Applies one change with its ledger row, in the caller's transaction. Throws DbError
 * INSUFFICIENT_FUNDS or BALANCE_OVERFLOW (nothing changed), CHARACTER_NOT_FOUND (gold),
 * ACCOUNT_NOT_FOUND (premium, bonus), INVALID_INPUT (the owner id the currency needs is missing).
 */
export async function applyCurrencyChange(tx: Prisma.TransactionClient, change: CurrencyChange): Promise<LedgerEntry> {
  const byCharacter = CURRENCIES[change.currency].owner === "character";
  const ownerId = byCharacter ? change.characterId : change.accountId;
  if (ownerId === undefined) {
    throw new DbError(DB_ERROR_CODES.INVALID_INPUT, `${change.currency} belongs to ${byCharacter ? "a character" : "an account"}: give its id`, {
      details: { currency: change.currency },
    });
  }
  const sql = Prisma.sql`WITH ${byCharacter ? goldChangeCtes(change, ownerId) : accountCtes(change, ownerId)} SELECT * FROM "ledger"`;
  let rows = await tx.$queryRaw<Row[]>(sql);
  // An account's premium or bonus row is created on its first change; only then (or on a refusal)
  // are more statements needed. The UPDATE is retried even when a racing first change created the
  // row: its INSERT waited for that commit, and the retry's snapshot sees the row.
  if (rows.length === 0 && !byCharacter) {
    await ensureAccountCurrencyRow(tx, change, ownerId);
    rows = await tx.$queryRaw<Row[]>(sql);
  }
  const row = rows[0];
  if (!row) throw await currencyRefusal(tx, change, ownerId);
  return {
    ledgerEntryId: BigInt(row.id),
    currency: change.currency,
    accountId: Number(row.account_id),
    characterId: row.character_id === null ? null : Number(row.character_id),
    delta: change.delta,
    balanceBefore: BigInt(row.balance_before),
    balanceAfter: BigInt(row.balance_after),
  };
}
