import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { position } from "../shared/geometry";

/**
 * Loads a world: sent on the character screen it takes the client into the game
 * (NexusForever `Model/ServerChangeWorld.cs`). The client answers `ClientEnteredWorld`.
 */
export const ServerChangeWorld = definePacket({
  name: "ServerChangeWorld",
  opcode: 0x00ad,
  origin: "genuine",
  direction: "server",
  fields: {
    worldId: t.uint(WIRE_BITS.worldId),
    position,
    yaw: t.f32,
    pitch: t.f32,
  },
});
