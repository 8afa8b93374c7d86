import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** Selects a character to enter the world with (NexusForever `Model/Pregame/ClientCharacterSelect.cs`). */
export const ClientCharacterSelect = definePacket({
  name: "ClientCharacterSelect",
  direction: "client",
  fields: {
    characterId: t.u64,
  },
});
