import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Why a cast failed (9 bits; NexusForever `Source/NexusForever.Network.World/Message/Static/CastResult.cs`),
 * those this server answers with.
 */
export const CAST_RESULT = {
  Ok: 0x00,
  SpellUnknown: 0x04,
  /** The global cooldown a previous cast started is still running. */
  SpellGlobalCooldown: 0x0e,
  /** The spell's own cooldown is still running. */
  SpellCooldown: 0x0f,
  CasterUnknown: 0x1e,
  TargetUnknown: 0x5a,
  NoTarget: 0x5b,
  TargetIsNotUseable: 0x64,
  TargetRangeMax: 0x69,
  TargetCannotBeDead: 0x6a,
} as const;

/**
 * A cast was refused (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerSpellCastResult.cs`,
 * sent by `Source/NexusForever.Game/Spell/Spell.cs` when a check fails): u32 (NexusForever sends
 * 0), u18 the Spell4 id, u9 {@link CAST_RESULT}.
 */
export const ServerSpellCastResult = definePacket({
  name: "ServerSpellCastResult",
  opcode: 0x07fc,
  origin: "genuine",
  direction: "server",
  fields: {
    unknown0: t.u32,
    spell4Id: t.uint(WIRE_BITS.spell4Id),
    castResult: t.uint(9),
  },
});
