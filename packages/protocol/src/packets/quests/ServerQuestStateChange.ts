import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** `state` values of {@link ServerQuestStateChange} (NexusForever `QuestState`). */
export const QUEST_STATE = {
  Unknown: 0,
  Accepted: 1,
  Achieved: 2,
  Completed: 3,
  Botched: 4,
  Mentioned: 5,
  Abandoned: 6,
  Ignored: 7,
} as const;

/**
 * A quest changed state (NexusForever `Model/ServerQuestStateChange.cs`: u15 quest, the state in 32
 * bits, u32 `RandomResultId`, which NexusForever never sets, so 0).
 */
export const ServerQuestStateChange = definePacket({
  name: "ServerQuestStateChange",
  opcode: 0x035c,
  origin: "genuine",
  direction: "server",
  fields: {
    questId: t.uint(WIRE_BITS.questId),
    state: t.u32,
    randomResultId: t.u32,
  },
});
