/** The kinds of pet a character keeps progress and a nickname for (a subset of the collectible types). */
export const PET_KINDS = ["pet", "vanity_pet"] as const;
/** One of {@link PET_KINDS}. */
export type PetKind = (typeof PET_KINDS)[number];

/** One character's progress with one pet: combat pets have total XP and the level it gives. */
export interface CharacterPetRecord {
  readonly characterId: number;
  readonly kind: PetKind;
  readonly petId: number;
  readonly xp: number;
  readonly level: number;
  readonly nickname: string | null;
}
