import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** New flair unlocked: its PetFlair id, u14 (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerUnlockPetFlair.cs`). */
export const ServerUnlockPetFlair = definePacket({
  name: "ServerUnlockPetFlair",
  opcode: 0x068d,
  origin: "genuine",
  direction: "server",
  fields: { petFlairId: t.uint(WIRE_BITS.flairId) },
});
