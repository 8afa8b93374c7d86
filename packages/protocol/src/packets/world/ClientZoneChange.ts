import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The client tells the server it walked from one zone into another; it also sends one after
 * ServerInstanceSettings on entering (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ClientZoneChange.cs`): u15 previous zone, u15 new zone.
 */
export const ClientZoneChange = definePacket({
  name: "ClientZoneChange",
  opcode: 0x063a,
  origin: "genuine",
  direction: "client",
  fields: {
    previousZoneId: t.uint(WIRE_BITS.worldZoneId),
    newZoneId: t.uint(WIRE_BITS.worldZoneId),
  },
});
