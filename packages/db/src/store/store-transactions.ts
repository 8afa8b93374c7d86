// Reading the transaction ledger of the store: one transaction by id (`bezgelor store tx ID`) and
// pages of them, newest first (`getLedger`, `bezgelor ledger show`, `!ledger`).
import type { StoreCurrency } from "@bezgelor/data";
import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { fromJsonColumn } from "../json-codec.js";
import { IdSchema, Int32Schema, parseInput } from "../validation.js";
import type { StoreTransactionStatus } from "./store-transaction.js";

/** A store transaction as read back; `breakdown` is the price breakdown (units, discounts, VIP, exchange). */
export interface StoreTransactionRecord {
  id: string;
  accountId: number;
  characterId: number | null;
  offerId: number;
  quantity: number;
  currency: StoreCurrency;
  amount: bigint;
  breakdown: unknown;
  balanceBefore: bigint | null;
  balanceAfter: bigint | null;
  status: StoreTransactionStatus;
  reason: string | null;
  ledgerEntryId: bigint | null;
  purchaseId: bigint | null;
  createdAt: Date;
  updatedAt: Date;
}

function toRecord(r: Prisma.StoreTransactionGetPayload<object>): StoreTransactionRecord {
  return {
    id: r.id,
    accountId: r.accountId,
    characterId: r.characterId,
    offerId: r.offerId,
    quantity: r.quantity,
    currency: r.currency as StoreCurrency,
    amount: r.amount,
    breakdown: fromJsonColumn<unknown>(r.breakdown),
    balanceBefore: r.balanceBefore,
    balanceAfter: r.balanceAfter,
    status: r.status as StoreTransactionStatus,
    reason: r.reason,
    ledgerEntryId: r.ledgerEntryId,
    purchaseId: r.purchaseId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const GetTransactionInput = z.object({ id: z.string().min(1).max(128) });

/** The transaction `id`. Throws DbError STORE_TRANSACTION_NOT_FOUND, INVALID_INPUT, INTERNAL. */
export async function getTransaction(db: DbClient, options: { id: string }): Promise<StoreTransactionRecord> {
  const { id } = parseInput(GetTransactionInput, options);
  let row;
  try {
    row = await db.storeTransaction.findUnique({ where: { id } });
  } catch (error) {
    throw toDbError(error, `Reading store transaction ${id} failed`);
  }
  if (!row) throw new DbError(DB_ERROR_CODES.STORE_TRANSACTION_NOT_FOUND, `No store transaction ${id}`, { details: { id } });
  return toRecord(row);
}

/** The most transactions {@link getLedger} returns at once. */
export const MAX_STORE_LEDGER_PAGE = 500;

const LedgerOptions = z.object({
  accountId: IdSchema.optional(),
  limit: z.number().int().min(1).max(MAX_STORE_LEDGER_PAGE).default(20),
  offset: Int32Schema.default(0),
});

/**
 * A page of store transactions, newest first (creation time, then id): one account's, or everyone's
 * without `accountId`. Throws DbError INVALID_INPUT (limit 1..500, offset), INTERNAL.
 */
export async function getLedger(db: DbClient, options: z.input<typeof LedgerOptions> = {}): Promise<StoreTransactionRecord[]> {
  const { accountId, limit, offset } = parseInput(LedgerOptions, options);
  try {
    const rows = await db.storeTransaction.findMany({
      where: accountId === undefined ? {} : { accountId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      skip: offset,
    });
    return rows.map(toRecord);
  } catch (error) {
    throw toDbError(error, "Reading the store ledger failed");
  }
}
