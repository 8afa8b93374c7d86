import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * A unit took a seat of a vehicle, to those who see the vehicle: u32 vehicle, u2 seat type, u3 seat
 * position, u32 passenger (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerVehiclePassengerAdd.cs`).
 */
export const ServerVehiclePassengerAdd = definePacket({
  name: "ServerVehiclePassengerAdd",
  opcode: 0x086f,
  origin: "genuine",
  direction: "server",
  fields: { vehicle: t.u32, seatType: t.uint(2), seatPosition: t.uint(3), unitId: t.u32 },
});
