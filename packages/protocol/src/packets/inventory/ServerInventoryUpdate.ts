import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF031: how many of an item the character now holds (the minimal inventory: item id
 * and count). The genuine `ServerItemAdd` carries a full item instance this project does not model.
 */
export const ServerInventoryUpdate = definePacket({
  name: "ServerInventoryUpdate",
  opcode: 0xf031,
  origin: "extension",
  direction: "server",
  fields: {
    itemId: t.uint(WIRE_BITS.itemId),
    count: t.u32,
  },
});
