import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { itemLocation } from "../shared/item";

/**
 * Accepts a quest, optionally from an item (NexusForever `Model/ClientQuestAccept.cs`);
 * `itemLocation.location` 300 means no item.
 */
export const ClientQuestAccept = definePacket({
  name: "ClientQuestAccept",
  opcode: 0x035b,
  origin: "genuine",
  direction: "client",
  fields: {
    itemLocation,
    questId: t.uint(WIRE_BITS.questId),
  },
});
