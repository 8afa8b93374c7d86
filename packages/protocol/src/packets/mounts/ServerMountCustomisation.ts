import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF043: what of a mount's customisation the genuine PetCustomisation cannot carry, sent
 * after a change and for each customised mount on entering the world. `spell4Id` u18 (its summon
 * spell), `mountId` u32, u2 count + `dyes` u16 per channel, u4 count + `upgrades` ws (in the order
 * bought), u4 count + `tricks` ws, `speed` f32 (the speed multiplier with the upgrades).
 */
export const ServerMountCustomisation = definePacket({
  name: "ServerMountCustomisation",
  opcode: 0xf043,
  origin: "extension",
  direction: "server",
  fields: {
    spell4Id: t.uint(WIRE_BITS.spell4Id),
    mountId: t.u32,
    dyes: t.array(t.uint(2), t.u16),
    upgrades: t.array(t.uint(4), t.wstring({ max: 32 })),
    tricks: t.array(t.uint(4), t.wstring({ max: 32 })),
    speed: t.f32,
  },
});
