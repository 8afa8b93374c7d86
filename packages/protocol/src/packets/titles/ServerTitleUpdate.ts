import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** A title was unlocked or revoked (NexusForever `Model/Player/ServerTitleUpdate.cs`). */
export const ServerTitleUpdate = definePacket({
  name: "ServerTitleUpdate",
  opcode: 0x018a,
  origin: "genuine",
  direction: "server",
  fields: {
    titleId: t.uint(WIRE_BITS.titleId),
    alreadyOwned: t.bool,
    revoked: t.bool,
  },
});
