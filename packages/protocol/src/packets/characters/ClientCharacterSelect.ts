import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** Selects a character to enter the world with (NexusForever `Model/Pregame/ClientCharacterSelect.cs`). */
export const ClientCharacterSelect = definePacket({
  name: "ClientCharacterSelect",
  opcode: 0x07dd,
  origin: "genuine",
  direction: "client",
  fields: {
    characterId: t.u64,
  },
});
