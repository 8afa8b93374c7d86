import { z } from "zod";

/**
 * Bit widths of the wire fields that carry game-data values to the client, from the NexusForever
 * models (`Source/NexusForever.Network.World/Message/Model/**`). `@bezgelor/protocol` declares its
 * fields with these widths and the data schemas refuse values that do not fit them, so a value
 * loaded from data can always be sent.
 *
 * - `factionId`, `titleId`: 14 bits (`ServerReputationUpdate`, `ServerTitles`, `ClientTitleSet`...)
 * - `questId`, `achievementId`: 15 bits (`ServerQuestStateChange`, `Model/Achievement/Achievement.cs`)
 * - `worldId`, `worldZoneId`: 15 bits (`ServerChangeWorld`, `ServerCharacterList`)
 * - `race`, `class`: 5 bits, `sex`: 2 bits (`ServerCharacterList`)
 * - `creatureId`: 18 bits (the Creature2 id of `ServerEntityCreate`'s NonPlayer and MailBox models,
 *   `Source/NexusForever.Network.World/Entity/Model/NonPlayerEntityModel.cs`)
 * - `spell4Id`, `spell4BaseId`: 18 bits (`ServerSpellStart`, `ServerSpellCastResult`, `ServerAbilities`),
 *   `spell4EffectId`: 19 bits (`Model/Shared/TargetInfo.cs` EffectInfo)
 * - `itemId`, `vendorId`, `stockUniqueId`, `characterCreationId`: 32 bits (`ClientCharacterCreate`,
 *   `ClientVendorPurchase`, and the vendor and inventory extensions)
 * - `spell4Id`: 18 bits (`ServerUnlockMount`, `ServerUnlockVanityPet`, `ClientSummonVanityPet`)
 * - `flairId`: 14 bits (`ClientPetCustomisation`, `ServerUnlockPetFlair`)
 * - `unitVehicleId`: 14 bits (the UnitVehicle of `Network.World/Entity/Model/MountEntityModel.cs`)
 * - `itemDisplayId`: 15 bits (the display id of a visible item in `ServerEntityCreate`)
 */
export const WIRE_BITS = {
  factionId: 14,
  titleId: 14,
  questId: 15,
  achievementId: 15,
  worldId: 15,
  worldZoneId: 15,
  race: 5,
  class: 5,
  sex: 2,
  creatureId: 18,
  spell4Id: 18,
  spell4BaseId: 18,
  spell4EffectId: 19,
  itemId: 32,
  vendorId: 32,
  stockUniqueId: 32,
  characterCreationId: 32,
  flairId: 14,
  unitVehicleId: 14,
  itemDisplayId: 15,
} as const;

/** A field of {@link WIRE_BITS}. */
export type WireField = keyof typeof WIRE_BITS;

/** Largest value an unsigned field of `bits` bits holds (2^bits - 1). */
export function maxOfBits(bits: number): number {
  return 2 ** bits - 1;
}

/**
 * Largest amount of money (gold in copper, account currencies) anywhere: 2^63 - 1, the largest
 * PostgreSQL `bigint`. Wire fields are u64 (NexusForever `ServerCombatReward`, `AccountCurrency`),
 * so everything up to it can be sent; the data refuses prices above it.
 */
export const MAX_MONEY = 2n ** 63n - 1n;

/** A positive id that fits the wire field `field` travels in (see {@link WIRE_BITS}). */
export function wireIdSchema(field: WireField): z.ZodInt {
  const max = maxOfBits(WIRE_BITS[field]);
  return z.int().min(1).max(max, `must be at most ${max}: it is sent to the client in a ${WIRE_BITS[field]}-bit field`);
}
