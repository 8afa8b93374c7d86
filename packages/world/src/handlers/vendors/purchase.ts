import { quoteVendorItem } from "@bezgelor/core";
import { vendorStockEntry } from "@bezgelor/data";
import { buyItem } from "@bezgelor/db";
import { ServerGoldChanged, ServerInventoryUpdate } from "@bezgelor/protocol";
import { loadStandings } from "../../game/standings";
import { RuleError } from "../../server/rule-error";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

const MAX_QUANTITY = 1000;

/**
 * Buys from the open vendor the stock entry the client names (its 1-based position in the vendor's
 * data, as ServerVendorItems listed it; not an item id). The price is quoted again from the current standing (it may have
 * changed since the vendor opened); the gold, its ledger entry and the inventory change are one
 * transaction that never takes the balance below zero.
 */
export const clientVendorPurchase = handler("ClientVendorPurchase", {
  states: IN_WORLD,
  async handle(ctx, { stockUniqueId, purchaseQuantity: quantity }) {
    const { session, services } = ctx;
    const vendorId = session.openVendorId;
    const vendor = vendorId === undefined ? undefined : services.data.vendors.get(vendorId);
    if (!vendor) throw new RuleError("NOT_AVAILABLE", "no vendor is open");
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new RuleError("INVALID_INPUT", `quantity must be 1 to ${MAX_QUANTITY}`, { quantity });
    }
    const entry = vendorStockEntry(vendor, stockUniqueId);
    if (!entry) throw new RuleError("NOT_FOUND", `vendor ${vendor.id} has no stock entry ${stockUniqueId}`, { stockUniqueId });
    const itemId = entry.itemId;
    const quote = quoteVendorItem(services.scale, vendor, await loadStandings(ctx), itemId);
    if (!quote.ok) {
      if (quote.reason === "item_not_sold") throw new RuleError("NOT_FOUND", `vendor ${vendor.id} does not sell item ${itemId}`, { itemId });
      throw new RuleError("REPUTATION_TOO_LOW", `vendor ${vendor.id} will not trade with you (${quote.reason})`, { vendorId: vendor.id });
    }
    const result = await buyItem(services.db, {
      characterId: session.requireCharacter().id,
      itemId,
      quantity,
      unitPrice: quote.price,
      reason: `vendor ${vendor.id} item ${itemId} x${quantity}`,
    });
    session.send(ServerGoldChanged, { balance: result.balance, delta: -result.spent });
    session.send(ServerInventoryUpdate, { itemId, count: result.count });
    session.logger.info({ vendorId: vendor.id, itemId, quantity, spent: result.spent.toString() }, "vendor purchase");
  },
});
