import { buyFromVendor } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { deliverEvents } from "../../game/deliver";
import { RuleError } from "../../server/rule-error";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * Buys from the open vendor through the buyFromVendor action: the price is quoted again from the
 * standing read in the purchase's transaction (it may have changed since the vendor opened); the
 * gold, its ledger entry and the inventory change are one transaction that never takes the balance
 * below zero. Refusals: ITEM_NOT_SOLD, REPUTATION_TOO_LOW, INSUFFICIENT_FUNDS, a bad quantity.
 */
export const clientVendorPurchase = handler("ClientVendorPurchase", {
  states: IN_WORLD,
  async handle(ctx, { stockUniqueId: itemId, purchaseQuantity: quantity }) {
    const { session, services } = ctx;
    const vendorId = session.openVendorId;
    if (vendorId === undefined) throw new RuleError("NOT_AVAILABLE", "no vendor is open");
    const { result, events } = await buyFromVendor(services.db, { ...playerActionOptions(ctx), characterId: session.requireCharacter().id, vendorId, itemId, quantity });
    session.logger.info({ vendorId, itemId, quantity, spent: result.spent.toString() }, "vendor purchase");
    await deliverEvents(ctx, events);
  },
});
