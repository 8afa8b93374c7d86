import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF022: a vendor's items at the character's reputation discount. Each line carries its
 * stock entry id (`stockUniqueId`, u32, the line's 1-based position in the vendor's data, as in the
 * first field of NexusForever's `ServerVendorItemsUpdated` item), which `ClientVendorPurchase` sends
 * back, and the item id. Prices are gold in copper as u64; `price` is what a purchase will charge
 * per unit.
 */
export const ServerVendorItems = definePacket({
  name: "ServerVendorItems",
  opcode: 0xf022,
  origin: "extension",
  direction: "server",
  fields: {
    vendorId: t.uint(WIRE_BITS.vendorId),
    discountPercent: t.f32,
    items: t.array(t.u16, t.struct({ stockUniqueId: t.uint(WIRE_BITS.stockUniqueId), itemId: t.uint(WIRE_BITS.itemId), basePrice: t.u64, price: t.u64 })),
  },
});
