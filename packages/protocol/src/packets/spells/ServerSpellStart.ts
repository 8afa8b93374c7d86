import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { position } from "../shared/geometry";
import { initialPosition, telegraphPosition } from "../shared/spell";

/**
 * A cast began, sent to those who see the caster and to the caster (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerSpellStart.cs`, sent by
 * `Source/NexusForever.Game/Spell/Spell.cs` SendSpellStart): u32 casting id, u18 Spell4 id, u18
 * root and u18 parent Spell4 ids, u32 caster, u16 unknown, u32 primary target, field position, yaw,
 * u8 count of initial positions, u8 count of telegraph positions, bit user initiated, bit use
 * creature overrides.
 */
export const ServerSpellStart = definePacket({
  name: "ServerSpellStart",
  opcode: 0x07ff,
  origin: "genuine",
  direction: "server",
  fields: {
    castingId: t.u32,
    spell4Id: t.uint(WIRE_BITS.spell4Id),
    rootSpell4Id: t.uint(WIRE_BITS.spell4Id),
    parentSpell4Id: t.uint(WIRE_BITS.spell4Id),
    casterId: t.u32,
    unknown20: t.u16,
    primaryTargetId: t.u32,
    fieldPosition: position,
    yaw: t.f32,
    initialPositions: t.array(t.u8, initialPosition),
    telegraphPositions: t.array(t.u8, telegraphPosition),
    userInitiatedSpellCast: t.bool,
    useCreatureOverrides: t.bool,
  },
});
