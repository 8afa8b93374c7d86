import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF021: a vendor refuses to trade because the character's standing with `factionId`
 * is below `requiredLevel` (an index into the configured reputation level table).
 */
export const ServerVendorRefused = definePacket({
  name: "ServerVendorRefused",
  opcode: 0xf021,
  origin: "extension",
  direction: "server",
  fields: {
    vendorId: t.uint(WIRE_BITS.vendorId),
    factionId: t.uint(WIRE_BITS.factionId),
    requiredLevel: t.u8,
  },
});
