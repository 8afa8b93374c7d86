import { CURRENCY, type Currency } from "@bezgelor/data";
import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, Int32Schema, parseInput } from "../validation.js";
import type { LedgerSource } from "./ledger-source.js";

/** The most entries {@link listLedger} returns at once. */
export const MAX_LEDGER_PAGE = 500;

/** Options for {@link listLedger}. */
export interface ListLedgerOptions {
  accountId: number;
  /** Only this character's entries (its gold). */
  characterId?: number | undefined;
  currency?: Currency | undefined;
  /** 1..{@link MAX_LEDGER_PAGE}; default 50. */
  limit?: number | undefined;
  /** Entries to skip, newest first; default 0. */
  offset?: number | undefined;
}

/** One ledger entry as read back. Amounts in the currency's smallest unit. */
export interface LedgerRecord {
  id: bigint;
  accountId: number;
  /** Set for gold entries. */
  characterId: number | null;
  currency: Currency;
  delta: bigint;
  balanceBefore: bigint;
  balanceAfter: bigint;
  reason: string;
  source: LedgerSource;
  /** "character:12", "account:3", "admin:<name>", "system:<name>". */
  actor: string;
  idempotencyKey: string | null;
  createdAt: Date;
}

const Options = z.object({
  accountId: IdSchema,
  characterId: IdSchema.optional(),
  currency: z.enum(CURRENCY).optional(),
  limit: z.number().int().min(1).max(MAX_LEDGER_PAGE).default(50),
  offset: Int32Schema.default(0),
});

/**
 * A page of the account's ledger, newest first: premium, bonus and the gold of all its characters,
 * or with `characterId` only that character's entries, optionally of one currency. Empty for an
 * unknown account or character. Throws DbError INVALID_INPUT (ids, currency, limit, offset).
 */
export async function listLedger(db: DbClient, options: ListLedgerOptions): Promise<LedgerRecord[]> {
  const { accountId, characterId, currency, limit, offset } = parseInput(Options, options);
  try {
    const rows = await db.currencyLedgerEntry.findMany({
      where: { accountId, ...(characterId === undefined ? {} : { characterId }), ...(currency === undefined ? {} : { currency }) },
      orderBy: { id: "desc" },
      take: limit,
      skip: offset,
    });
    return rows.map((r) => ({
      id: r.id,
      accountId: r.accountId,
      characterId: r.characterId,
      currency: r.currency as Currency,
      delta: r.delta,
      balanceBefore: r.balanceBefore,
      balanceAfter: r.balanceAfter,
      reason: r.reason,
      source: r.source as LedgerSource,
      actor: r.actor,
      idempotencyKey: r.idempotencyKey,
      createdAt: r.createdAt,
    }));
  } catch (error) {
    throw toDbError(error, `Listing the ledger of account ${accountId} failed`);
  }
}
