import { openVendor } from "@bezgelor/core";
import { ServerVendorItems, ServerVendorRefused } from "@bezgelor/protocol";
import { loadStandings } from "../../game/standings";
import { WorldError } from "../../errors";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * Opens a vendor (extension packet). A vendor that needs reputation the character lacks refuses,
 * naming the faction and the level it wants; otherwise the items come at the level's discount and
 * the vendor stays open for ClientVendorPurchase.
 */
export const clientVendorOpen = handler("ClientVendorOpen", {
  states: IN_WORLD,
  async handle(ctx, { vendorId }) {
    const { session, services } = ctx;
    session.openVendorId = undefined;
    const vendor = services.data.vendors.get(vendorId);
    if (!vendor) throw new WorldError("NOT_FOUND", `no vendor ${vendorId}`, { details: { vendorId } });
    const result = openVendor(services.scale, vendor, await loadStandings(ctx));
    if (!result.ok) {
      const required = result.requiredLevel ?? result.currentLevel;
      session.logger.info({ vendorId, reason: result.reason, required: required.name, current: result.currentLevel.name }, "vendor refused");
      session.send(ServerVendorRefused, { vendorId, factionId: result.factionId, requiredLevel: required.index });
      return;
    }
    session.openVendorId = vendorId;
    session.send(ServerVendorItems, {
      vendorId,
      discountPercent: result.discountPercent,
      // A line's stock entry id is its 1-based position in the vendor's data (vendorStockEntry).
      items: result.items.map((i, index) => ({ stockUniqueId: index + 1, itemId: i.itemId, basePrice: i.basePrice, price: i.price })),
    });
  },
});
