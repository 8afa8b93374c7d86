import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { position } from "../shared/geometry";
import { initialPosition, targetInfo, telegraphPosition } from "../shared/spell";

/** A missile's flight (NexusForever `Model/ServerSpellGo.cs` MissileInfo). */
const missileInfo = t.struct({
  casterPosition: position,
  missileTravelTime: t.u32,
  targetId: t.u32,
  targetPosition: position,
  hitPosition: t.bool,
});

/**
 * A cast took effect, carrying what it did to each target (the damage), sent to those who see the
 * caster and to the caster (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerSpellGo.cs`,
 * sent by `Source/NexusForever.Game/Spell/Spell.cs` after the cast time): u32 casting id, bit
 * ignore cooldown, primary destination, u8 count of target infos, u8 of initial positions, u8 of
 * telegraph positions, u8 of missiles, i32 phase (NexusForever −1; its sbyte is written as a 32-bit int).
 */
export const ServerSpellGo = definePacket({
  name: "ServerSpellGo",
  opcode: 0x07f4,
  origin: "genuine",
  direction: "server",
  fields: {
    castingId: t.u32,
    ignoreCooldown: t.bool,
    primaryDestination: position,
    targets: t.array(t.u8, targetInfo),
    initialPositions: t.array(t.u8, initialPosition),
    telegraphPositions: t.array(t.u8, telegraphPosition),
    missiles: t.array(t.u8, missileInfo),
    phase: t.i32,
  },
});
