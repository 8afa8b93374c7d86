import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** One faction's new standing (NexusForever `Model/ServerReputationUpdate.cs`). */
export const ServerReputationUpdate = definePacket({
  name: "ServerReputationUpdate",
  opcode: 0x01a5,
  origin: "genuine",
  direction: "server",
  fields: {
    factionId: t.uint(WIRE_BITS.factionId),
    value: t.f32,
  },
});
