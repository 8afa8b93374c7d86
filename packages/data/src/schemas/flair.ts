import { z } from "zod";
import { MOUNT_TYPE } from "./mount";
import { wireIdSchema } from "./wire";

/**
 * Where a flair piece goes (NexusForever FlairType: GroundMount/HoverMount Front, Back, Side). A
 * side piece fits the left and the right slot.
 */
export const FLAIR_POSITION = ["front", "back", "side"] as const;

/** One of {@link FLAIR_POSITION}. */
export type FlairPosition = (typeof FLAIR_POSITION)[number];

/** Bits in the unlocked-flair field of ServerPetCustomisationList (64 bytes). */
export const FLAIR_UNLOCK_BITS = 512;

/** A flair piece (PetFlair): which kind of mount and which position it fits, how it looks, and its unlock bit. */
export const flairSchema = z.strictObject({
  id: wireIdSchema("flairId"),
  name: z.string().min(1),
  mountType: z.enum(MOUNT_TYPE),
  position: z.enum(FLAIR_POSITION),
  /** The ItemDisplay shown in the slot's item visual. */
  itemDisplayId: wireIdSchema("itemDisplayId"),
  /** PetFlair UnlockBitIndex: the bit set for it in ServerPetCustomisationList's unlocked-flair field. */
  unlockBit: z
    .int()
    .min(0)
    .max(FLAIR_UNLOCK_BITS - 1),
});

/** A flair definition. */
export type Flair = z.output<typeof flairSchema>;
