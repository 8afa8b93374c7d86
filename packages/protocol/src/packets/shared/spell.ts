import { WIRE_BITS } from "@bezgelor/data";
import { t } from "../../schema/types";
import { position } from "./geometry";

/** Outcome of a spell on a target (4 bits; NexusForever `Source/NexusForever.Game.Static/Combat/CombatResult.cs`), those this server sends. */
export const COMBAT_RESULT = { Avoid: 0, Critical: 1, Hit: 2 } as const;

/** Kind of damage (3 bits; NexusForever `Source/NexusForever.Game.Static/Combat/DamageType.cs`), those this server deals. */
export const DAMAGE_TYPE = { Physical: 1, Tech: 2, Magic: 3 } as const;

/** What an effect reports (2 bits): 1 is damage, anything else carries one unused bit. */
export const EFFECT_INFO_TYPE = { None: 0, Damage: 1 } as const;

/**
 * Where a unit stood when a spell started (NexusForever `Model/ServerSpellStart.cs` InitialPosition,
 * shared by ServerSpellGo): u32 unit, u8 target flags (NexusForever 3), its position, yaw, pitch.
 */
export const initialPosition = t.struct({ unitId: t.u32, targetFlags: t.u8, position, yaw: t.f32, pitch: t.f32 });

/**
 * A telegraph of a spell (NexusForever `Model/ServerSpellStart.cs` TelegraphPosition): u16 telegraph,
 * u32 the unit it is attached to, u8 target flags, position, yaw, pitch.
 */
export const telegraphPosition = t.struct({ telegraphId: t.u16, attachedUnitId: t.u32, targetFlags: t.u8, position, yaw: t.f32, pitch: t.f32 });

/**
 * Damage one effect did (NexusForever `Model/Shared/TargetInfo.cs` DamageDescription): raw, raw
 * scaled, absorbed, shield absorbed, adjusted (what health lost), overkill, an unknown u32, killed
 * target, u4 {@link COMBAT_RESULT}, u3 {@link DAMAGE_TYPE}, u8 count of a 7×u32 + u3 structure.
 */
export const damageDescription = t.struct({
  rawDamage: t.u32,
  rawScaledDamage: t.u32,
  absorbedAmount: t.u32,
  shieldAbsorbAmount: t.u32,
  adjustedDamage: t.u32,
  overkillAmount: t.u32,
  unknown6: t.u32,
  killedTarget: t.bool,
  combatResult: t.uint(4),
  damageType: t.uint(3),
  unknownStructure3: t.array(
    t.u8,
    t.struct({
      unknown0: t.u32,
      unknown1: t.u32,
      unknown2: t.u32,
      unknown3: t.u32,
      unknown4: t.u32,
      unknown5: t.u32,
      unknown6: t.u32,
      unknown7: t.uint(3),
    }),
  ),
});

/**
 * One effect of a spell on a target (NexusForever `Model/Shared/TargetInfo.cs` EffectInfo): u19
 * Spell4Effects id, u32 unique id, u32 delay, i32 time remaining (−1), then a u2
 * {@link EFFECT_INFO_TYPE}: damage carries its description, the others one unused bit.
 */
export const effectInfo = t.struct({
  spell4EffectId: t.uint(WIRE_BITS.spell4EffectId),
  effectUniqueId: t.u32,
  delayTime: t.u32,
  timeRemaining: t.i32,
  info: t.union({
    key: "type",
    tag: t.uint(2),
    variants: {
      [EFFECT_INFO_TYPE.None]: { unused: t.bool },
      [EFFECT_INFO_TYPE.Damage]: { damage: damageDescription },
      2: { unused: t.bool },
      3: { unused: t.bool },
    },
  }),
});

/**
 * A unit a spell reached and what it did to it (NexusForever `Model/Shared/TargetInfo.cs`): u32
 * unit, u8 index, u8 target flags (NexusForever 1), u16 instance count (1), u4
 * {@link COMBAT_RESULT}, u8 count of {@link effectInfo}.
 */
export const targetInfo = t.struct({
  unitId: t.u32,
  ndx: t.u8,
  targetFlags: t.u8,
  instanceCount: t.u16,
  combatResult: t.uint(4),
  effects: t.array(t.u8, effectInfo),
});
