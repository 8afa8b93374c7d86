import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Buys from the vendor the client has open (NexusForever `Model/Item/ClientVendorPurchase.cs`,
 * fields `StockUniqueId` and `PurchaseQuantity`; `game_rework`'s `Model/ClientVendorPurchase.cs`
 * calls the first `VendorIndex`). The genuine packet names no vendor: the server remembers the open
 * one (here: the vendor last opened by `ClientEntityInteract`). `stockUniqueId` is the vendor's stock entry
 * id, not an item id: the `stockUniqueId` of a line of `ServerVendorItems`, which this server sets
 * to the line's 1-based position in the vendor's data (`vendorStockEntry` in `@bezgelor/data`).
 */
export const ClientVendorPurchase = definePacket({
  name: "ClientVendorPurchase",
  opcode: 0x00be,
  origin: "genuine",
  direction: "client",
  fields: {
    stockUniqueId: t.uint(WIRE_BITS.stockUniqueId),
    purchaseQuantity: t.u32,
  },
});
