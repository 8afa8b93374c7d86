import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** A unit's active title changed; broadcast to players nearby (NexusForever `Model/Entity/ServerTitleSet.cs`). */
export const ServerTitleSet = definePacket({
  name: "ServerTitleSet",
  opcode: 0x0189,
  origin: "genuine",
  direction: "server",
  fields: {
    unitId: t.u32,
    titleId: t.uint(WIRE_BITS.titleId),
  },
});
