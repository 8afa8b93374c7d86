import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * A flair change was refused: u4 PetCustomizeResult (core `PET_CUSTOMIZE_RESULT`), u2 PetType, u32
 * the pet's unit (0 for a mount not summoned), u16 slot, u14 flair id (NexusForever-NEW
 * `Model/Pet/ServerPetCustomisationFailed.cs`; Server068B "pet customization something" in NF-GR's enum).
 */
export const ServerPetCustomisationFailed = definePacket({
  name: "ServerPetCustomisationFailed",
  opcode: 0x068b,
  origin: "genuine",
  direction: "server",
  fields: { reason: t.uint(4), petType: t.uint(2), petUnitId: t.u32, flairSlotIndex: t.u16, petFlairId: t.uint(WIRE_BITS.flairId) },
});
