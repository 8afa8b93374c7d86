import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** Number of money slots of {@link ServerPlayerCreate}: index = character CurrencyType - 1 (Credits 1 is index 0). */
export const PLAYER_CREATE_MONEY_SLOTS = 16;

/** Number of supply satchel slots of {@link ServerPlayerCreate}. */
export const PLAYER_CREATE_TRADESKILL_SLOTS = 512;

/**
 * The player's own state, once per login (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerPlayerCreate.cs`, filled by
 * `Source/NexusForever.Game/Entity/Player.cs` SendPacketsAfterAddToMap; NexusForever-NEW
 * `Model/Player/ServerPlayerCreate.cs` has the same widths with better names): u32 count of
 * inventory items, 16 × u64 money by currency type, u32 XP, u32 rest bonus XP, u32 item
 * proficiencies, u32 elder points, u32 daily elder points, u3 active action set, u16 bonus power,
 * u32 (bonus ability tier points), the faction block (u14 faction, u16 count + {u14 faction, f32
 * standing}), u32 count of combat pets, u32 input key set, u16 (bind point), i32 active costume
 * (-1 none), u32 + u32 (attribute points, PvP flag duration), u6 count of known dyes, 512 × u16
 * supply satchel, f32 gear score, bit PvP server, u32 (matching eligibility), u32 count of
 * character entitlements.
 *
 * The inventory is always empty here: the Item layout differs between NexusForever revisions (776
 * or 832 bits) and no capture settles it. Pets, dyes and entitlements are empty too (this server
 * has none); their layouts are NexusForever's. Empty, the body is 9768 bits (1221 bytes).
 */
export const ServerPlayerCreate = definePacket({
  name: "ServerPlayerCreate",
  opcode: 0x025e,
  origin: "genuine",
  direction: "server",
  fields: {
    inventory: t.array(t.u32, t.struct({}), { max: 0 }),
    money: t.fixedArray(PLAYER_CREATE_MONEY_SLOTS, t.u64),
    xp: t.u32,
    restBonusXp: t.u32,
    itemProficiencies: t.u32,
    elderPoints: t.u32,
    dailyElderPoints: t.u32,
    specIndex: t.uint(3),
    bonusPower: t.u16,
    bonusAbilityTierPoints: t.u32,
    factionData: t.struct({
      factionId: t.uint(WIRE_BITS.factionId),
      reputations: t.array(t.u16, t.struct({ factionId: t.uint(WIRE_BITS.factionId), value: t.f32 })),
    }),
    pets: t.array(t.u32, t.struct({ unitId: t.u32, summoningSpell: t.uint(18), validStances: t.uint(5), stance: t.uint(5) }), { max: 64 }),
    inputKeySet: t.u32,
    bindPointId: t.u16,
    activeCostumeIndex: t.i32,
    attributePoints: t.u32,
    pvpFlagDuration: t.u32,
    knownDyes: t.array(t.uint(6), t.u16),
    tradeskillMaterials: t.fixedArray(PLAYER_CREATE_TRADESKILL_SLOTS, t.u16),
    gearScore: t.f32,
    isPvpServer: t.bool,
    matchingEligibilityFlagMask: t.u32,
    entitlements: t.array(t.u32, t.struct({ entitlement: t.uint(14), count: t.u32 }), { max: 1024 }),
  },
});
