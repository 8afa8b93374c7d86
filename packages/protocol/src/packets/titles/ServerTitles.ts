import { maxOfBits, WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** Every title the account owns (NexusForever `Model/ServerTitles.cs`). */
export const ServerTitles = definePacket({
  name: "ServerTitles",
  opcode: 0x018b,
  origin: "genuine",
  direction: "server",
  fields: {
    titles: t.array(
      t.u32,
      t.struct({
        titleId: t.uint(WIRE_BITS.titleId),
        revoked: t.bool,
        inSchedule: t.bool,
        /** Seconds left for a title that expires. */
        timeRemaining: t.u32,
      }),
      { max: maxOfBits(WIRE_BITS.titleId) },
    ),
  },
});
