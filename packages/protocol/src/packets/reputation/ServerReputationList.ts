import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF010: every reputation standing of the character, on entering the world. Each entry
 * has the layout of the genuine `ServerReputationUpdate` (faction 14 bits, f32 standing).
 */
export const ServerReputationList = definePacket({
  name: "ServerReputationList",
  opcode: 0xf010,
  origin: "extension",
  direction: "server",
  fields: {
    reputations: t.array(t.u16, t.struct({ factionId: t.uint(WIRE_BITS.factionId), value: t.f32 })),
  },
});
