import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF020: opens a vendor by its data id. The genuine client opens vendors by
 * interacting with a unit, which this project has no entity system for yet. The server answers
 * `ServerVendorItems` or `ServerVendorRefused`.
 */
export const ClientVendorOpen = definePacket({
  name: "ClientVendorOpen",
  opcode: 0xf020,
  origin: "extension",
  direction: "client",
  fields: {
    vendorId: t.uint(WIRE_BITS.vendorId),
  },
});
