import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF022: a vendor's items at the character's reputation discount. Prices are gold in
 * copper as u64; `price` is what `ClientVendorPurchase` will charge per unit.
 */
export const ServerVendorItems = definePacket({
  name: "ServerVendorItems",
  opcode: 0xf022,
  origin: "extension",
  direction: "server",
  fields: {
    vendorId: t.u32,
    discountPercent: t.f32,
    items: t.array(t.u16, t.struct({ itemId: t.u32, basePrice: t.u64, price: t.u64 })),
  },
});
