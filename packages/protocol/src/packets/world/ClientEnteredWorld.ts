import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The client finished loading the world it was sent to (NexusForever
 * `Model/Player/ClientEnteredWorld.cs`); the server answers `ServerPlayerEnteredWorld`.
 */
export const ClientEnteredWorld = definePacket({
  name: "ClientEnteredWorld",
  opcode: 0x00f2,
  origin: "genuine",
  direction: "client",
  fields: {
    worldZoneId: t.uint(WIRE_BITS.worldZoneId),
  },
});
