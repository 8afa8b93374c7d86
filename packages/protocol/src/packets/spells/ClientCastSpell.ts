import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The player casts the ability item at `bagIndex` of its Ability bag (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ClientCastSpell.cs`, handled by
 * `Source/NexusForever.WorldServer/Network/Message/Handler/Spell/ClientCastSpellHandler.cs`; the
 * client uses it when continuous casting is off): u32 the client's id for the cast, u16 bag index,
 * u32 the casting unit, bit button pressed. Every spell, mounts' summons included, is cast this way.
 */
export const ClientCastSpell = definePacket({
  name: "ClientCastSpell",
  opcode: 0x009a,
  origin: "genuine",
  direction: "client",
  fields: {
    clientUniqueId: t.u32,
    bagIndex: t.u16,
    casterId: t.u32,
    buttonPressed: t.bool,
  },
});
