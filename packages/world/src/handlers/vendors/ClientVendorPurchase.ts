import { vendorStockEntry } from "@bezgelor/data";
import { buyFromVendor } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { WorldError } from "../../errors";
import { openVendorInReach } from "../../game/vendor-window";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * Buys from the open vendor the stock entry the client names (its 1-based position in the vendor's
 * data, as ServerVendorItems listed it; not an item id), through the buyFromVendor action: the
 * price is quoted again from the standing read in the purchase's transaction (it may have changed
 * since the vendor opened); the gold, its ledger entry and the inventory change are one
 * transaction that never takes the balance below zero. Refusals: no vendor open, the vendor's unit
 * out of reach (15 m, checked on every purchase as on opening; the vendor is closed then), an
 * unknown stock entry, REPUTATION_TOO_LOW, INSUFFICIENT_FUNDS, a bad quantity.
 */
export const clientVendorPurchase = handler("ClientVendorPurchase", {
  states: IN_WORLD,
  async handle(ctx, { stockUniqueId, purchaseQuantity: quantity }) {
    const { session, services } = ctx;
    const vendor = openVendorInReach(ctx);
    const entry = vendorStockEntry(vendor, stockUniqueId);
    if (!entry) throw new WorldError("NOT_FOUND", `vendor ${vendor.id} has no stock entry ${stockUniqueId}`, { details: { stockUniqueId } });
    const { itemId } = entry;
    const { result } = await buyFromVendor(services.db, {
      ...playerActionOptions(ctx),
      characterId: session.requireCharacter().id,
      vendorId: vendor.id,
      itemId,
      quantity,
    });
    session.logger.info({ vendorId: vendor.id, itemId, quantity, spent: result.spent.toString() }, "vendor purchase");
    await ctx.services.events.flush();
  },
});
