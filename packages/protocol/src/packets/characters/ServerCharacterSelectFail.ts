import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** `result` values of {@link ServerCharacterSelectFail} (NexusForever `CharacterSelectResult`). */
export const CHARACTER_SELECT_RESULT = {
  FailedRename: 1,
  Failed: 2,
  FailedDisabled: 3,
  FailedCharacterInWorld: 4,
} as const;

/** Character selection refused (NexusForever `Model/Pregame/ServerCharacterSelectFail.cs`). */
export const ServerCharacterSelectFail = definePacket({
  name: "ServerCharacterSelectFail",
  opcode: 0x0162,
  origin: "genuine",
  direction: "server",
  fields: {
    result: t.uint(3),
  },
});
