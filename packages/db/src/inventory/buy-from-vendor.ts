// A vendor purchase in at most two statements besides BEGIN and COMMIT: the buyer (account, gold
// and standings, the standings share-locked so the quote cannot change before commit), read only
// when the quote needs the standings (a faction's vendor) or the item is free; then, after core
// quotes the price, one data-modifying statement with the gold (never below zero) and its ledger
// row, the items, and the events. At a vendor without a faction, a priced item is that one
// statement alone, sent without BEGIN and COMMIT (ActionSpec.statement), and purchases made
// together go as one statement (ActionSpec.batch: the buy_from_vendors function). A refusal or
// failure at any step leaves everything unchanged.
import { MAX_VENDOR_PURCHASE_QUANTITY, checkVendorQuantity, quoteVendorItem } from "@bezgelor/core";
import { z } from "zod";
import { defineAction, type ActionContext, type ActionStatement, type GameRules } from "../actions/action.js";
import { formatActor, type Actor } from "../actions/actor.js";
import { requireDefinition } from "../actions/definition.js";
import { currencyRefusal, goldChangeCtes, type CurrencyChange } from "../currency/apply-currency-change.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { appendEventsCte, type OutboxEntry } from "../events/append-events.js";
import type { CurrencyChangedEvent, InventoryChangedEvent } from "../events/game-event.js";
import { Prisma } from "../generated/prisma/client";
import { jsonBigintSql, toJsonColumn } from "../json-codec.js";
import { IdSchema, MAX_INT64 } from "../validation.js";
import { addItemsCte, inventoryOverflow } from "./add-items.js";

/** Largest quantity one purchase may buy (core's rule, checkVendorQuantity). */
export const MAX_PURCHASE_QUANTITY = MAX_VENDOR_PURCHASE_QUANTITY;

const Input = z.object({
  characterId: IdSchema,
  vendorId: IdSchema,
  itemId: IdSchema,
  // Its bounds are core's rule (checkVendorQuantity), refused as VENDOR_QUANTITY_INVALID.
  quantity: z.number(),
});

/** Throws DbError VENDOR_QUANTITY_INVALID, naming the bounds, unless core's rule takes `quantity`. */
function requireQuantity(quantity: number): void {
  const check = checkVendorQuantity(quantity);
  if (check.ok) return;
  const { min, max } = check;
  throw new DbError(DB_ERROR_CODES.VENDOR_QUANTITY_INVALID, `A vendor sells ${min} to ${max} of an item at a time, not ${quantity}`, {
    details: { quantity, min, max },
  });
}

/** The input of {@link buyFromVendor}. */
export type BuyFromVendorInput = z.input<typeof Input>;

/** What {@link buyFromVendor} returns. */
export interface BuyFromVendorResult {
  /** The price of one item after the standing's discount. */
  unitPrice: bigint;
  /** quantity * unitPrice. */
  spent: bigint;
  /** The gold balance after the purchase. */
  balance: bigint;
  /** How many of the item the character holds now. */
  count: number;
}

interface Buyer {
  accountId: number;
  gold: bigint;
  standings: Map<number, number>;
}

/** The character's account and gold, and its standings share-locked. Throws CHARACTER_NOT_FOUND. */
async function readBuyer(tx: Prisma.TransactionClient, characterId: number): Promise<Buyer> {
  const rows = await tx.$queryRaw<Array<{ account_id: number; gold: bigint; faction_id: number | null; standing: number | null }>>`
    SELECT c."account_id", c."gold", r."faction_id", r."standing" FROM "characters" c
      LEFT JOIN LATERAL (SELECT "faction_id", "standing" FROM "character_reputations" WHERE "character_id" = c."id" FOR SHARE) r ON true
    WHERE c."id" = ${characterId}`;
  const first = rows[0];
  if (!first) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { details: { characterId } });
  const standings = new Map(rows.flatMap((r) => (r.faction_id === null ? [] : [[Number(r.faction_id), Number(r.standing)] as const])));
  return { accountId: Number(first.account_id), gold: BigInt(first.gold), standings };
}

// The events less what the statement fills in: the account (from the character's row) and the
// ledger entry or the count.
type CurrencyTemplate = Omit<CurrencyChangedEvent, "accountId" | "ledgerEntryId" | "balanceBefore" | "balanceAfter">;
type InventoryTemplate = Omit<InventoryChangedEvent, "accountId" | "count">;

/** The item side of a purchase. */
interface Line {
  characterId: number;
  itemId: number;
  quantity: number;
}

/** What {@link writePurchase} did: a null ledger id when the gold was refused, a null count when the items were. */
interface Outcome {
  account_id: number | null;
  ledger_id: bigint | null;
  balance_before: bigint | null;
  balance_after: bigint | null;
  count: number | null;
}

const LEDGER_FILL = Prisma.sql`jsonb_build_object('accountId', "ledger"."account_id", 'ledgerEntryId', ${jsonBigintSql(Prisma.sql`"ledger"."id"`)},
  'balanceBefore', ${jsonBigintSql(Prisma.sql`"ledger"."balance_before"`)}, 'balanceAfter', ${jsonBigintSql(Prisma.sql`"ledger"."balance_after"`)})`;
const countFill = (account: Prisma.Sql) => Prisma.sql`jsonb_build_object('accountId', ${account}, 'count', "stocked"."count")`;

/**
 * A paid purchase in one statement: the gold change with its ledger row, the items (only once
 * paid), then `earlier` events and this purchase's two (only once both are done). Always one row,
 * with the {@link Outcome} columns and `extra` ones.
 */
function paidPurchaseSql(line: Line, p: PlannedPurchase, earlier: OutboxEntry[], extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`WITH ${goldChangeCtes(p.change, line.characterId)},
      ${addItemsCte(line.characterId, line.itemId, line.quantity, Prisma.sql`"ledger"`)},
      ${appendEventsCte(
        [...earlier, { event: p.currency, fill: LEDGER_FILL }, { event: p.stocked, fill: countFill(Prisma.sql`"ledger"."account_id"`) }],
        Prisma.sql`"ledger", "stocked"`,
      )}
    SELECT l."account_id", l."id" AS "ledger_id", l."balance_before", l."balance_after", s."count"${extra}
      FROM (SELECT 1) AS "one" LEFT JOIN "ledger" l ON true LEFT JOIN "stocked" s ON true`;
}

/**
 * One statement in the action's transaction: {@link paidPurchaseSql}, or for a free item (`buyer`
 * read) the items and their event alone, after the events recorded earlier in the transaction.
 */
async function writePurchase(ctx: ActionContext, line: Line, p: PlannedPurchase, buyer: Buyer | undefined): Promise<Outcome> {
  const earlier: OutboxEntry[] = ctx.unwritten().map((event) => ({ event }));
  const statement = buyer
    ? Prisma.sql`WITH ${addItemsCte(line.characterId, line.itemId, line.quantity)},
        ${appendEventsCte([...earlier, { event: p.stocked, fill: countFill(Prisma.sql`${buyer.accountId}::integer`) }], Prisma.sql`"stocked"`)}
      SELECT ${buyer.accountId}::integer AS "account_id", NULL::bigint AS "ledger_id", NULL::bigint AS "balance_before",
          NULL::bigint AS "balance_after", s."count"
        FROM (SELECT 1) AS "one" LEFT JOIN "stocked" s ON true`
    : paidPurchaseSql(line, p, earlier);
  const rows = await ctx.tx.$queryRaw<Outcome[]>(statement);
  return rows[0]!;
}

/**
 * Buys `quantity` (1..1000) of an item from a vendor the game data defines, at the price core
 * quotes for the character's standing read in this transaction. Events: currency.changed (gold,
 * source "vendor", reason "vendor <id> item <id> x<n>"; none for a free item), inventory.changed.
 * Concurrent purchases never overdraw. Fault hook steps: "vendor.paid", "inventory.changed".
 * Throws DbError VENDOR_QUANTITY_INVALID (core's checkVendorQuantity), UNKNOWN_GAME_DATA (no such
 * vendor), ITEM_NOT_SOLD, REPUTATION_TOO_LOW, INSUFFICIENT_FUNDS, INVENTORY_OVERFLOW (nothing
 * changed by any), CHARACTER_NOT_FOUND,
 * INVALID_AMOUNT (a total past 2^63-1), INVALID_INPUT.
 */
export const buyFromVendor = defineAction({
  name: "vendor.buy",
  input: Input,
  describe: (i) => `Buying item ${i.itemId} x${i.quantity} from vendor ${i.vendorId} for character ${i.characterId}`,
  async run(ctx, i): Promise<BuyFromVendorResult> {
    const { characterId, itemId, quantity } = i;
    requireQuantity(quantity);
    const vendor = requireDefinition(ctx.rules.data.vendors, "vendor", i.vendorId);
    // Only a faction's vendor quotes from the standings: read (and share-lock) them only then.
    let buyer = vendor.requiredReputation !== undefined ? await readBuyer(ctx.tx, characterId) : undefined;
    const planned = quotePurchase(ctx.rules, ctx.actor, ctx.idempotencyKey, i, buyer?.standings ?? new Map<number, number>());
    const free = planned.spent === 0n;
    // A free item moves no gold: its balance and the character's existence come from the read.
    if (free) buyer ??= await readBuyer(ctx.tx, characterId);
    const outcome = await writePurchase(ctx, i, planned, free ? buyer : undefined);
    // An unknown character is explained here too (no row to debit).
    if (!free && outcome.ledger_id === null) throw await currencyRefusal(ctx.tx, planned.change, characterId);
    ctx.step("vendor.paid");
    if (outcome.count === null) throw inventoryOverflow(characterId, itemId, quantity);
    const count = Number(outcome.count);
    if (free) ctx.wrote({ ...planned.stocked, accountId: Number(outcome.account_id), count });
    else ctx.wrote(...purchaseEvents(planned, outcome));
    ctx.step("inventory.changed");
    const balance = free ? buyer!.gold : BigInt(outcome.balance_after!);
    return { unitPrice: planned.unitPrice, spent: planned.spent, balance, count };
  },
  statement(i, { actor, rules }) {
    requireQuantity(i.quantity);
    const vendor = requireDefinition(rules.data.vendors, "vendor", i.vendorId);
    // A faction's vendor quotes from the standings read first; a free item needs the buyer read.
    if (vendor.requiredReputation !== undefined) return undefined;
    const planned = quotePurchase(rules, actor, null, i, new Map<number, number>());
    if (planned.spent === 0n) return undefined;
    return purchaseStatement(i, planned);
  },
  batch: (calls) =>
    purchasesSql(calls.map(({ input, env }) => ({ line: input, planned: quotePurchase(env.rules, env.actor, null, input, new Map<number, number>()) }))),
});

/**
 * The batch form of {@link purchaseStatement} (buyFromVendor's ActionSpec.batch), for paid
 * purchases at a vendor without a faction: the buy_from_vendors function (migration
 * 20261201161500_buy_from_vendors_function), one row per call with "n", its 1-based position,
 * and the columns of {@link PurchaseRow}. It locks the batch's characters in id order, then makes
 * each purchase with its ledger row and events, in the order given; "ok" false changed nothing for
 * that call. An overflowing inventory aborts the whole statement (raise_refusal).
 */
function purchasesSql(purchases: readonly { line: Line; planned: PlannedPurchase }[]): Prisma.Sql {
  const column = <T>(pick: (purchase: { line: Line; planned: PlannedPurchase }) => T): T[] => purchases.map(pick);
  const events = JSON.stringify(column(({ planned }) => [toJsonColumn(planned.currency), toJsonColumn(planned.stocked)]));
  return Prisma.sql`SELECT "n", "ok", "account_id", "ledger_id", "balance_before", "balance_after", "count"
    FROM buy_from_vendors(${column(({ line }) => line.characterId)}::integer[], ${column(({ line }) => line.itemId)}::integer[],
      ${column(({ line }) => line.quantity)}::integer[], ${column(({ planned }) => planned.spent.toString())}::bigint[],
      ${column(({ planned }) => planned.change.reason)}::text[], ${column(({ planned }) => planned.change.actor)}::text[], ${events}::jsonb)`;
}

/** What a purchase will do, as core quotes it: the price, the gold change and the events' templates. */
interface PlannedPurchase {
  unitPrice: bigint;
  spent: bigint;
  change: CurrencyChange;
  currency: CurrencyTemplate;
  stocked: InventoryTemplate;
}

/**
 * Quotes the purchase for the given standings. Throws DbError UNKNOWN_GAME_DATA, ITEM_NOT_SOLD,
 * REPUTATION_TOO_LOW, INVALID_AMOUNT.
 */
function quotePurchase(
  rules: GameRules,
  actor: Actor,
  idempotencyKey: string | null,
  i: { characterId: number; vendorId: number; itemId: number; quantity: number },
  standings: Map<number, number>,
): PlannedPurchase {
  const { characterId, vendorId, itemId, quantity } = i;
  const vendor = requireDefinition(rules.data.vendors, "vendor", vendorId);
  const quote = quoteVendorItem(rules.scale, vendor, standings, itemId);
  if (!quote.ok) {
    if (quote.reason === "item_not_sold")
      throw new DbError(DB_ERROR_CODES.ITEM_NOT_SOLD, `Vendor ${vendorId} does not sell item ${itemId}`, { details: { vendorId, itemId } });
    throw new DbError(DB_ERROR_CODES.REPUTATION_TOO_LOW, `Vendor ${vendorId} will not trade with character ${characterId} (${quote.reason})`, {
      details: { vendorId, reason: quote.reason },
    });
  }
  const spent = quote.price * BigInt(quantity);
  if (spent > MAX_INT64) {
    throw new DbError(DB_ERROR_CODES.INVALID_AMOUNT, `${quantity} x ${quote.price} gold exceeds the 64-bit maximum`, {
      details: { quantity, unitPrice: quote.price.toString() },
    });
  }
  const reason = `vendor ${vendorId} item ${itemId} x${quantity}`;
  const change: CurrencyChange = { currency: "gold", characterId, delta: -spent, reason, source: "vendor", actor: formatActor(actor), idempotencyKey };
  return {
    unitPrice: quote.price,
    spent,
    change,
    currency: { kind: "currency.changed", characterId, currency: "gold", delta: -spent, source: "vendor", reason },
    stocked: { kind: "inventory.changed", characterId, itemId, delta: quantity },
  };
}

/** The row of {@link purchaseStatement}: "ok" once paid and stocked (else nothing changed). */
interface PurchaseRow extends Outcome {
  ok: boolean;
}

/**
 * A paid purchase as one statement: the gold with its ledger row, the items, and both events. When
 * the gold is refused nothing is written ("ok" false); when the gold was taken but the items would
 * pass 2^31-1, raise_refusal aborts the whole statement, so the gold is not taken either.
 */
function purchaseStatement(i: Line, p: PlannedPurchase): ActionStatement<BuyFromVendorResult, PurchaseRow> {
  const { characterId, itemId, quantity } = i;
  return {
    sql: paidPurchaseSql(
      i,
      p,
      [],
      Prisma.sql`, s."count" IS NOT NULL AS "ok",
        CASE WHEN l."id" IS NOT NULL AND s."count" IS NULL THEN raise_refusal('INVENTORY_OVERFLOW') END AS "refused"`,
    ),
    events: [],
    wrote: (row) => purchaseEvents(p, row),
    async result(row, db) {
      // Nothing changed: not enough gold, or no such character.
      if (!row.ok) throw await currencyRefusal(db, p.change, characterId);
      return { unitPrice: p.unitPrice, spent: p.spent, balance: BigInt(row.balance_after!), count: Number(row.count) };
    },
    refused: (code) => (code === "INVENTORY_OVERFLOW" ? inventoryOverflow(characterId, itemId, quantity) : undefined),
  };
}

/** The events a paid purchase wrote, completed from its row. */
function purchaseEvents(p: PlannedPurchase, row: Outcome): [CurrencyChangedEvent, InventoryChangedEvent] {
  const accountId = Number(row.account_id);
  return [
    {
      ...p.currency,
      accountId,
      ledgerEntryId: BigInt(row.ledger_id!),
      balanceBefore: BigInt(row.balance_before!),
      balanceAfter: BigInt(row.balance_after!),
    },
    { ...p.stocked, accountId, count: Number(row.count) },
  ];
}
