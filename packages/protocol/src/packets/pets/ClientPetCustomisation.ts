import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Put flair in a slot of a mount (or scanbot): u2 PetType, u32 object id (a mount: its Spell4 id),
 * u16 slot 0-3, u14 flair id (0 clears) (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ClientPetCustomisation.cs`).
 */
export const ClientPetCustomisation = definePacket({
  name: "ClientPetCustomisation",
  opcode: 0x07ed,
  origin: "genuine",
  direction: "client",
  fields: { petType: t.uint(2), petObjectId: t.u32, flairSlotIndex: t.u16, flairId: t.uint(WIRE_BITS.flairId) },
});
