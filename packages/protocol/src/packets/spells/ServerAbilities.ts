import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The spells the character knows, sent on entering the world after the ability items (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerSpellList.cs`, a class NexusForever binds
 * to opcode `ServerAbilities` 0x01A0, sent by `Source/NexusForever.Game/Spell/SpellManager.cs`):
 * u32 count, then per spell u18 Spell4Base id, u4 tier reached, u3 action set (spec) index.
 */
export const ServerAbilities = definePacket({
  name: "ServerAbilities",
  opcode: 0x01a0,
  origin: "genuine",
  direction: "server",
  fields: {
    spells: t.array(t.u32, t.struct({ spell4BaseId: t.uint(WIRE_BITS.spell4BaseId), tierIndexAchieved: t.uint(4), specIndex: t.uint(3) })),
  },
});
