import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * A passenger left a vehicle: u32 vehicle, u32 passenger
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerVehiclePassengerRemove.cs`).
 */
export const ServerVehiclePassengerRemove = definePacket({
  name: "ServerVehiclePassengerRemove",
  opcode: 0x08c7,
  origin: "genuine",
  direction: "server",
  fields: { vehicle: t.u32, passenger: t.u32 },
});
