import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF042: choose (`enabled`) or drop a trick of an owned hoverboard. `spell4Id` u18 (its
 * summon spell), `trick` ws (the trick's id in the mount data), `enabled` bit.
 */
export const ClientMountTrick = definePacket({
  name: "ClientMountTrick",
  opcode: 0xf042,
  origin: "extension",
  direction: "client",
  fields: { spell4Id: t.uint(WIRE_BITS.spell4Id), trick: t.wstring({ max: 32 }), enabled: t.bool },
});
