import { openVendor } from "@bezgelor/core";
import type { Vendor } from "@bezgelor/data";
import { WorldError } from "../errors";
import { INTERACTION_RANGE } from "../world/world-maps";
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
 * ClientVendorPurchase while its unit stays in reach ({@link openVendorInReach}).
 */
export async function openVendorWindow(ctx: HandlerContext, vendor: Vendor, unitId: number): Promise<void> {
  const { session, services } = ctx;
  session.openVendor = undefined;
  const result = openVendor(services.scale, vendor, await loadStandings(ctx));
  if (!result.ok) {
    const required = result.requiredLevel ?? result.currentLevel;
    session.logger.info({ vendorId: vendor.id, unitId, reason: result.reason, required: required.name, current: result.currentLevel.name }, "vendor refused");
    session.send(ServerVendorRefused, { vendorId: vendor.id, factionId: result.factionId, requiredLevel: required.index });
    return;
  }
  session.openVendor = { vendorId: vendor.id, unitId };
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

/**
 * The vendor the session has open, if the player can still trade with it: the unit selling it is
 * on the player's map, seen, and within {@link INTERACTION_RANGE} metres, as when it was opened
 * (ClientEntityInteract). A player who walked away, or whose vendor unit is gone, has the vendor
 * closed (a later purchase finds none open until it is opened again in reach).
 * @throws WorldError NOT_AVAILABLE when no vendor is open, or it is out of reach (then closed);
 *   nothing changes.
 */
export function openVendorInReach(ctx: HandlerContext): Vendor {
  const { session, services } = ctx;
  const open = session.openVendor;
  const vendor = open && services.data.vendors.get(open.vendorId);
  if (!open || !vendor) throw new WorldError("NOT_AVAILABLE", "no vendor is open");
  const reach = services.world.reach(session.requireCharacter().id, open.unitId);
  const sells = reach.ok && reach.unit.spawn.vendorId === vendor.id;
  if (sells) return vendor;
  session.openVendor = undefined;
  const details = { vendorId: vendor.id, unitId: open.unitId, ...(reach.ok ? {} : { reason: reach.reason, distance: reach.distance }) };
  session.logger.info(details, "vendor closed: out of reach");
  const why =
    !reach.ok && reach.reason === "out-of-range"
      ? `is out of range (${Math.round(reach.distance ?? 0)} m, at most ${INTERACTION_RANGE} m)`
      : "is no longer in sight";
  throw new WorldError("NOT_AVAILABLE", `vendor ${vendor.id} (unit ${open.unitId}) ${why}; its window is closed`, { details });
}
