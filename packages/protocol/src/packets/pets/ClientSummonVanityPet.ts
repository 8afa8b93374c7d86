import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Summon a vanity pet by its Spell4 base id, u18 (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ClientSummonVanityPet.cs`).
 */
export const ClientSummonVanityPet = definePacket({
  name: "ClientSummonVanityPet",
  opcode: 0x082f,
  origin: "genuine",
  direction: "client",
  fields: { spell4BaseId: t.uint(WIRE_BITS.spell4Id) },
});
