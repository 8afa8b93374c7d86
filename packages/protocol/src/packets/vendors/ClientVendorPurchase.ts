import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Buys from the vendor the client has open (NexusForever `Model/ClientVendorPurchase.cs`). The
 * genuine packet names no vendor: the server remembers the open one (here: the last
 * `ClientVendorOpen` it accepted). `stockUniqueId` is the item id listed in `ServerVendorItems`.
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
