import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * One spell learnt (or its tier changed) while in the world (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerSpellUpdate.cs`, sent by
 * `Source/NexusForever.Game/Spell/SpellManager.cs` AddSpell): u18 Spell4Base id, u4 tier, u3 action
 * set (spec) index, bit activated.
 */
export const ServerSpellUpdate = definePacket({
  name: "ServerSpellUpdate",
  opcode: 0x017b,
  origin: "genuine",
  direction: "server",
  fields: {
    spell4BaseId: t.uint(WIRE_BITS.spell4BaseId),
    tierIndex: t.uint(4),
    specIndex: t.uint(3),
    activated: t.bool,
  },
});
