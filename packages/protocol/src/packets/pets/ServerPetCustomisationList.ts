import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { petCustomisation } from "../shared/pet-customisation";

/**
 * On entering the world: the unlocked flair as 64 raw bytes (a 512-bit field, bit = PetFlair
 * UnlockBitIndex, most significant bit first in each byte), then u32 count + PetCustomisation
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerPetCustomisationList.cs`,
 * opcode named ServerPetCustomizationList in NF-GR's enum; NF-NEW spells it with an s).
 */
export const ServerPetCustomisationList = definePacket({
  name: "ServerPetCustomisationList",
  opcode: 0x012e,
  origin: "genuine",
  direction: "server",
  fields: { unlockedFlair: t.bytes(64), customisations: t.array(t.u32, petCustomisation, { max: 1024 }) },
});

/** The 64-byte unlocked-flair field with each of `bits` set (most significant bit first in each byte, as NexusForever's NetworkBitArray). */
export function unlockedFlairField(bits: Iterable<number>): Uint8Array {
  const field = new Uint8Array(64);
  for (const bit of bits) {
    const byte = Math.floor(bit / 8);
    if (byte >= 0 && byte < field.length) field[byte] = (field[byte] ?? 0) | (0x80 >> (bit % 8));
  }
  return field;
}
