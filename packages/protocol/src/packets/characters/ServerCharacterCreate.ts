import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * `result` values of {@link ServerCharacterCreate} that fit its 3-bit field (NexusForever
 * `CharacterModifyResult`; the genuine field is 3 bits although the enum goes further).
 */
export const CHARACTER_CREATE_RESULT = {
  CreateOk: 3,
  CreateFailed: 4,
  CreateFailedItems: 5,
  CreateFailedUniqueName: 6,
  CreateFailedActionBar: 7,
} as const;

/** Answer to `ClientCharacterCreate` (NexusForever `Model/Pregame/ServerCharacterCreate.cs`). */
export const ServerCharacterCreate = definePacket({
  name: "ServerCharacterCreate",
  opcode: 0x00dc,
  origin: "genuine",
  direction: "server",
  fields: {
    characterId: t.u64,
    worldId: t.u32,
    result: t.uint(3),
  },
});
