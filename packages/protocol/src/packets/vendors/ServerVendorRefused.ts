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
    vendorId: t.u32,
    factionId: t.uint(14),
    requiredLevel: t.u8,
  },
});
