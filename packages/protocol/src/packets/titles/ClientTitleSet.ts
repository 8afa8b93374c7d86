import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** Sets the active title; 0 clears it (NexusForever `Model/Player/ClientTitleSet.cs`). */
export const ClientTitleSet = definePacket({
  name: "ClientTitleSet",
  opcode: 0x078e,
  origin: "genuine",
  direction: "client",
  fields: {
    titleId: t.uint(WIRE_BITS.titleId),
  },
});
