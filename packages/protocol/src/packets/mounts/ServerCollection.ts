import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF044: the character's collection on entering the world (the genuine client derives it
 * from known spells, which this server does not send yet). u16 count + `mounts` {u32 mountId, u18
 * spell4Id}, u16 count + `vanityPets` {u32 petId, u18 spell4Id, ws nickname}, u16 count + `pets`
 * (combat) {u32 petId, u5 level, u32 xp (total), ws nickname}. An empty nickname is none.
 */
export const ServerCollection = definePacket({
  name: "ServerCollection",
  opcode: 0xf044,
  origin: "extension",
  direction: "server",
  fields: {
    mounts: t.array(t.u16, t.struct({ mountId: t.u32, spell4Id: t.uint(WIRE_BITS.spell4Id) })),
    vanityPets: t.array(t.u16, t.struct({ petId: t.u32, spell4Id: t.uint(WIRE_BITS.spell4Id), nickname: t.wstring({ max: 20 }) })),
    pets: t.array(t.u16, t.struct({ petId: t.u32, level: t.uint(5), xp: t.u32, nickname: t.wstring({ max: 20 }) })),
  },
});
