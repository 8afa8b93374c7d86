import { definePacket } from "../../schema/packet";

/**
 * The player leaves its mount; no body. The genuine client sends it twice when switching mounts
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ClientVehicleDisembark.cs`).
 */
export const ClientVehicleDisembark = definePacket({
  name: "ClientVehicleDisembark",
  opcode: 0x01af,
  origin: "genuine",
  direction: "client",
  fields: {},
});
