import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * "You added X to your Collectibles": the Spell4 id of the vanity pet's summon, u18
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerUnlockVanityPet.cs`).
 */
export const ServerUnlockVanityPet = definePacket({
  name: "ServerUnlockVanityPet",
  opcode: 0x01ae,
  origin: "genuine",
  direction: "server",
  fields: { spell4Id: t.uint(WIRE_BITS.spell4Id) },
});
