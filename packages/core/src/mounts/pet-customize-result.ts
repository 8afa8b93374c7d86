/**
 * The genuine PetCustomizeResult codes of `ServerPetCustomisationFailed` (u4; NexusForever
 * `Source/NexusForever.Game.Static/Pet/PetCustomizeResult.cs`, NF-NEW).
 */
export const PET_CUSTOMIZE_RESULT = {
  Ok: 0,
  NotUnlocked: 1,
  PetTypeNotSupported: 2,
  UnknownFlairType: 3,
  InvalidObject: 4,
  InvalidFlair: 5,
  InvalidSlot: 6,
  InvalidName: 7,
} as const;

/** A name of {@link PET_CUSTOMIZE_RESULT}. */
export type PetCustomizeResultName = keyof typeof PET_CUSTOMIZE_RESULT;

/** What a flair change can be refused for (every code but Ok). */
export type FlairRefusalReason = Exclude<PetCustomizeResultName, "Ok">;

/**
 * The genuine PetType (u2) of the customisation packets: ScanBot 0, GroundMount 1, HoverBoard 2
 * (NexusForever `Source/NexusForever.Game.Static/Entity/PetType.cs`).
 */
export const PET_TYPE = { ScanBot: 0, GroundMount: 1, HoverBoard: 2 } as const;

/** One value of {@link PET_TYPE}. */
export type PetTypeValue = (typeof PET_TYPE)[keyof typeof PET_TYPE];
