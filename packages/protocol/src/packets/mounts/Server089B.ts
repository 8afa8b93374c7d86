import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Seats the receiving player in a vehicle: u32 passenger (its own unit), u32 vehicle, u2 seat type
 * ({@link VEHICLE_SEAT_TYPE}), u3 seat position (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/Server089B.cs`, "mount related"; sent by
 * `Game/Entity/VehicleEntity.cs` PassengerAdd to the passenger).
 */
export const Server089B = definePacket({
  name: "Server089B",
  opcode: 0x089b,
  origin: "genuine",
  direction: "server",
  fields: { self: t.u32, vehicle: t.u32, seatType: t.uint(2), seatPosition: t.uint(3) },
});

/** VehicleSeatType (u2; NexusForever `Source/NexusForever.Game.Static/Entity/VehicleSeatType.cs`). */
export const VEHICLE_SEAT_TYPE = { Pilot: 0, Passenger: 1, Gunner: 2 } as const;
