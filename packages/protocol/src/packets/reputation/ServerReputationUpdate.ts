import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * A change of one faction's standing (NexusForever `Model/ServerReputationUpdate.cs`: faction 14
 * bits, f32 `Value`). `value` is the signed delta just applied, which the client adds to the
 * standing it holds, not the new total: NexusForever's `Game/Reputation/ReputationManager.cs` sends
 * the amount it added. NexusForever names the field `Value`, so it keeps that name here.
 */
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
