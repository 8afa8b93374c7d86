import { openVendor } from "@bezgelor/core";
import type { Vendor } from "@bezgelor/data";
import { ServerVendorItems, ServerVendorItemsUpdated, ServerVendorRefused } from "@bezgelor/protocol";
import type { HandlerContext } from "../handlers/types";
import { loadStandings } from "./standings";

const NO_EXTRA_COST = { type: 0, quantity: 0, itemOrCurrencyId: 0 };

/**
 * Opens `vendor` (sold by unit `unitId`) for the session's character. A vendor that needs
 * reputation the character lacks refuses (ServerVendorRefused naming the faction and level it
 * wants) and nothing stays open. Otherwise the genuine ServerVendorItemsUpdated opens the window
 * with the stock entries (each line's 1-based position, which ClientVendorPurchase sends back) and
 * the reputation discount as the buy price multiplier, as NexusForever fills it (categories none,
 * sell multiplier 1, bits true, true, false); then the ServerVendorItems extension lists this
 * server's prices (the genuine client prices from its own item tables). The vendor stays open for
 * ClientVendorPurchase.
 */
export async function openVendorWindow(ctx: HandlerContext, vendor: Vendor, unitId: number): Promise<void> {
  const { session, services } = ctx;
  session.openVendorId = undefined;
  const result = openVendor(services.scale, vendor, await loadStandings(ctx));
  if (!result.ok) {
    const required = result.requiredLevel ?? result.currentLevel;
    session.logger.info({ vendorId: vendor.id, unitId, reason: result.reason, required: required.name, current: result.currentLevel.name }, "vendor refused");
    session.send(ServerVendorRefused, { vendorId: vendor.id, factionId: result.factionId, requiredLevel: required.index });
    return;
  }
  session.openVendorId = vendor.id;
  session.send(ServerVendorItemsUpdated, {
    unitId,
    categories: [],
    items: result.items.map((i, index) => ({
      stockUniqueId: index + 1,
      itemType: 0,
      itemId: i.itemId,
      unknown3: 0,
      unknown4: 0,
      unknown5: 0,
      unknown6: 0,
      categoryIndex: 0,
      unknown8: 0,
      unknown9: 0n,
      unknownA: 0,
      extraCost1: NO_EXTRA_COST,
      extraCost2: NO_EXTRA_COST,
    })),
    sellPriceMultiplier: 1,
    buyPriceMultiplier: (100 - result.discountPercent) / 100,
    unknown2: true,
    unknown3: true,
    unknown4: false,
  });
  session.send(ServerVendorItems, {
    vendorId: vendor.id,
    discountPercent: result.discountPercent,
    items: result.items.map((i, index) => ({ stockUniqueId: index + 1, itemId: i.itemId, basePrice: i.basePrice, price: i.price })),
  });
}
