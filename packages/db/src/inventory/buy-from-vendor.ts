// A vendor purchase: the quote comes from core with the standing read (and share-locked, so it
// cannot change before commit) in this transaction, then the gold with its ledger entry (never
// below zero), then the items. A refusal or failure at any step leaves everything unchanged.
import { quoteVendorItem } from "@bezgelor/core";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { characterAccountId } from "../characters/character-account.js";
import { changeBalance } from "../currency/change-currency.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { IdSchema, MAX_INT64 } from "../validation.js";
import { addItems } from "./add-items.js";

/** Largest quantity one purchase may buy. */
export const MAX_PURCHASE_QUANTITY = 1000;

const Input = z.object({
  characterId: IdSchema,
  vendorId: IdSchema,
  itemId: IdSchema,
  quantity: z.number().int().min(1).max(MAX_PURCHASE_QUANTITY),
});

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

async function lockedStandings(tx: Prisma.TransactionClient, characterId: number): Promise<Map<number, number>> {
  const rows = await tx.$queryRaw<Array<{ faction_id: number; standing: number }>>`SELECT "faction_id", "standing"
    FROM "character_reputations" WHERE "character_id" = ${characterId} FOR SHARE`;
  return new Map(rows.map((r) => [Number(r.faction_id), Number(r.standing)]));
}

async function goldOf(tx: Prisma.TransactionClient, characterId: number): Promise<bigint> {
  const row = await tx.character.findUniqueOrThrow({ where: { id: characterId }, select: { gold: true } });
  return row.gold;
}

/**
 * Buys `quantity` (1..1000) of an item from a vendor the game data defines, at the price core
 * quotes for the character's standing read in this transaction. Events: currency.changed (gold,
 * source "vendor", reason "vendor <id> item <id> x<n>"; none for a free item), inventory.changed.
 * Concurrent purchases never overdraw. Fault hook steps: "vendor.paid", "inventory.changed".
 * Throws DbError UNKNOWN_GAME_DATA (no such vendor), ITEM_NOT_SOLD, REPUTATION_TOO_LOW,
 * INSUFFICIENT_FUNDS, INVENTORY_OVERFLOW (nothing changed by any), CHARACTER_NOT_FOUND,
 * INVALID_AMOUNT (a total past 2^63-1), INVALID_INPUT.
 */
export const buyFromVendor = defineAction({
  name: "vendor.buy",
  input: Input,
  describe: (i) => `Buying item ${i.itemId} x${i.quantity} from vendor ${i.vendorId} for character ${i.characterId}`,
  async run(ctx, i): Promise<BuyFromVendorResult> {
    const { characterId, vendorId, itemId, quantity } = i;
    const vendor = requireDefinition(ctx.rules.data.vendors, "vendor", vendorId);
    const accountId = await characterAccountId(ctx.tx, characterId);
    const quote = quoteVendorItem(ctx.rules.scale, vendor, await lockedStandings(ctx.tx, characterId), itemId);
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
    const balance =
      spent === 0n
        ? await goldOf(ctx.tx, characterId)
        : (await changeBalance(ctx, { currency: "gold", characterId, delta: -spent, reason, source: "vendor" })).balanceAfter;
    ctx.step("vendor.paid");
    const count = await addItems(ctx.tx, characterId, itemId, quantity);
    ctx.emit({ kind: "inventory.changed", accountId, characterId, itemId, delta: quantity, count });
    ctx.step("inventory.changed");
    return { unitPrice: quote.price, spent, balance, count };
  },
});
