import { z } from "zod";
import { idSchema } from "./common";
import { COLLECTIBLE_UNLOCK } from "./mount";
import { wireIdSchema } from "./wire";

/**
 * A vanity pet: a companion that follows its owner and never fights. Summoned by its Spell4 id
 * (`ClientSummonVanityPet`), shown as a Pet unit (EntityType 24) of its creature.
 */
export const vanityPetSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  spellId: wireIdSchema("spell4Id"),
  creatureId: wireIdSchema("creatureId"),
  unlock: z.enum(COLLECTIBLE_UNLOCK),
});

/** A vanity pet definition. */
export type VanityPet = z.output<typeof vanityPetSchema>;
