// grantCurrency and deductCurrency: the one family of actions that changes any balance, with its
// ledger entry and its currency.changed event.
import { CURRENCY } from "@bezgelor/data";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { formatActor } from "../actions/actor.js";
import { AmountSchema, IdSchema, ReasonSchema } from "../validation.js";
import { applyCurrencyChange, type LedgerEntry } from "./apply-currency-change.js";
import { LEDGER_SOURCES } from "./ledger-source.js";

const CurrencyInput = z.object({
  currency: z.enum(CURRENCY),
  /** Required for gold. */
  characterId: IdSchema.optional(),
  /** Required for premium and bonus. */
  accountId: IdSchema.optional(),
  amount: AmountSchema,
  reason: ReasonSchema,
  source: z.enum(LEDGER_SOURCES),
});

/** The input of {@link grantCurrency} and {@link deductCurrency}. */
export type CurrencyChangeInput = z.input<typeof CurrencyInput>;

/** What a currency action returns: its ledger entry. */
export type CurrencyChangeResult = LedgerEntry;

/**
 * Changes a balance by `delta` inside an action, writing the ledger row and the currency.changed
 * event. Other actions (quests, vendors, the store, mail) call this for every movement of value.
 */
export async function changeBalance(ctx: ActionContext, input: Omit<z.output<typeof CurrencyInput>, "amount"> & { delta: bigint }): Promise<LedgerEntry> {
  const entry = await applyCurrencyChange(ctx.tx, { ...input, actor: formatActor(ctx.actor), idempotencyKey: ctx.idempotencyKey });
  ctx.emit({
    kind: "currency.changed",
    accountId: entry.accountId,
    characterId: entry.characterId,
    currency: entry.currency,
    delta: entry.delta,
    balanceBefore: entry.balanceBefore,
    balanceAfter: entry.balanceAfter,
    ledgerEntryId: entry.ledgerEntryId,
    source: input.source,
    reason: input.reason,
  });
  return entry;
}

const owner = (i: z.output<typeof CurrencyInput>) => (i.characterId === undefined ? `account ${i.accountId}` : `character ${i.characterId}`);

/**
 * Credits `amount` (a positive bigint) of a currency: gold to a character, premium or bonus to an
 * account. One transaction: the balance, its ledger entry (balance before and after, reason,
 * source, actor, idempotency key) and the currency.changed event. Idempotent with a key.
 * Throws DbError BALANCE_OVERFLOW (past 2^63-1; nothing changed), CHARACTER_NOT_FOUND,
 * ACCOUNT_NOT_FOUND, INVALID_AMOUNT, INVALID_INPUT (owner id missing, reason, source),
 * IDEMPOTENCY_KEY_REUSED.
 */
export const grantCurrency = defineAction({
  name: "currency.grant",
  input: CurrencyInput,
  idempotent: true,
  describe: (i) => `Granting ${i.amount} ${i.currency} to ${owner(i)}`,
  run: (ctx, i) => changeBalance(ctx, { ...i, delta: i.amount }),
});

/**
 * Debits `amount` (a positive bigint) of a currency; never below zero. Same transaction, ledger
 * and event as {@link grantCurrency}. Throws DbError INSUFFICIENT_FUNDS (nothing changed),
 * CHARACTER_NOT_FOUND, ACCOUNT_NOT_FOUND, INVALID_AMOUNT, INVALID_INPUT, IDEMPOTENCY_KEY_REUSED.
 */
export const deductCurrency = defineAction({
  name: "currency.deduct",
  input: CurrencyInput,
  idempotent: true,
  describe: (i) => `Deducting ${i.amount} ${i.currency} from ${owner(i)}`,
  run: (ctx, i) => changeBalance(ctx, { ...i, delta: -i.amount }),
});
