import { definePacket } from "../../schema/packet";
import { petCustomisation } from "../shared/pet-customisation";

/**
 * A customisation after a change (the answer to ClientPetCustomisation): one PetCustomisation
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerPetCustomisation.cs`).
 */
export const ServerPetCustomisation = definePacket({
  name: "ServerPetCustomisation",
  opcode: 0x012f,
  origin: "genuine",
  direction: "server",
  fields: { customisation: petCustomisation },
});
