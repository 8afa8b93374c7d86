import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** Turns a quest in with the chosen reward (NexusForever `Model/ClientQuestComplete.cs`). */
export const ClientQuestComplete = definePacket({
  name: "ClientQuestComplete",
  opcode: 0x035d,
  origin: "genuine",
  direction: "client",
  fields: {
    questId: t.uint(WIRE_BITS.questId),
    rewardSelection: t.uint(15),
    isCommunique: t.bool,
  },
});
