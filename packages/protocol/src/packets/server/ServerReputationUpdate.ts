import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** One faction's new standing (NexusForever `Model/ServerReputationUpdate.cs`). */
export const ServerReputationUpdate = definePacket({
  name: "ServerReputationUpdate",
  direction: "server",
  fields: {
    factionId: t.uint(14),
    value: t.f32,
  },
});
