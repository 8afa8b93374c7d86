// The transaction record of a purchase (issue 12): one row per purchase attempt with a known buyer
// and offer, keyed by the idempotency key (a UUID when the caller gave none). A committed row is
// written in the purchase's own transaction, linked to the currency_ledger entry that moved the
// money; a refused purchase leaves a 'failed' row with the reason, written after the rollback.
// 'pending' and 'pending_offline' are for requests accepted before they can be applied (the
// offline journal writes 'pending_offline' and its replay turns it into 'committed' or 'failed').
import type { OfferPrice } from "@bezgelor/core";
import type { StoreCurrency } from "@bezgelor/data";
import type { DbClient } from "../client.js";
import type { LedgerEntry } from "../currency/apply-currency-change.js";
import type { DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { toJsonColumn } from "../json-codec.js";

/** A transaction's status; mirrors the CHECK on `store_transactions.status`. */
export const STORE_TRANSACTION_STATUS = ["pending", "committed", "failed", "pending_offline"] as const;

/** One of {@link STORE_TRANSACTION_STATUS}. */
export type StoreTransactionStatus = (typeof STORE_TRANSACTION_STATUS)[number];

/** What a transaction was for. */
export interface TransactionSubject {
  id: string;
  accountId: number;
  characterId: number | null;
  offerId: number;
  quantity: number;
  currency: StoreCurrency;
}

/** The price breakdown as stored (bigints tagged by toJsonColumn). */
export function breakdownOf(price: OfferPrice): Prisma.InputJsonValue {
  return toJsonColumn({
    sourceCurrency: price.sourceCurrency,
    basePrice: price.basePrice,
    exchange: price.exchange,
    applied: price.applied ? { percent: price.applied.percent, source: price.applied.source } : null,
    vip: price.vip,
    units: price.units,
    finalPrice: price.finalPrice,
  });
}

/** Writes the committed record in the purchase's transaction (over a 'failed' row of an earlier try with the same key). */
export async function recordCommitted(
  tx: Prisma.TransactionClient,
  subject: TransactionSubject,
  price: OfferPrice,
  ledger: LedgerEntry | null,
  purchaseId: bigint,
  now: Date,
): Promise<void> {
  const data = {
    accountId: subject.accountId,
    characterId: subject.characterId,
    offerId: subject.offerId,
    quantity: subject.quantity,
    currency: subject.currency,
    amount: price.finalPrice,
    breakdown: breakdownOf(price),
    balanceBefore: ledger?.balanceBefore ?? null,
    balanceAfter: ledger?.balanceAfter ?? null,
    status: "committed",
    reason: null,
    ledgerEntryId: ledger?.ledgerEntryId ?? null,
    purchaseId,
    updatedAt: now,
  };
  await tx.storeTransaction.upsert({ where: { id: subject.id }, create: { id: subject.id, ...data, createdAt: now }, update: data });
}

/**
 * Records a refused purchase as 'failed' with the error's code and message, unless a row with the
 * id is committed already. Runs on its own after the purchase rolled back.
 */
export async function recordFailed(db: DbClient, subject: TransactionSubject, error: DbError, now: Date): Promise<void> {
  const reason = `${error.code}: ${error.message}`.slice(0, 256);
  await db.$executeRaw`INSERT INTO "store_transactions" ("id", "account_id", "character_id", "offer_id", "quantity", "currency", "amount", "breakdown", "status", "reason", "created_at", "updated_at")
    VALUES (${subject.id}, ${subject.accountId}, ${subject.characterId}, ${subject.offerId}, ${subject.quantity}, ${subject.currency}, 0, '{}'::jsonb, 'failed', ${reason}, ${now}, ${now})
    ON CONFLICT ("id") DO UPDATE SET "status" = 'failed', "reason" = EXCLUDED."reason", "updated_at" = EXCLUDED."updated_at"
    WHERE "store_transactions"."status" <> 'committed'`;
}
