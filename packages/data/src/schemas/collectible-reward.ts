import { z } from "zod";
import { idSchema } from "./common";

/**
 * A mount, combat pet or vanity pet a quest or an achievement grants (issue 14). A quest's goes to
 * the character that completes it, an achievement's to the whole account; either way through the
 * same collection unlock as a purchase, once. The ids must name a mount (mounts.json), a pet
 * (pets.json) or a vanity pet (vanity-pets.json): checked when the data is built.
 */
export const collectibleRewardSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("mount"), mountId: idSchema }),
  z.strictObject({ kind: z.literal("pet"), petId: idSchema }),
  z.strictObject({ kind: z.literal("vanity_pet"), vanityPetId: idSchema }),
]);

/** A mount, combat pet or vanity pet granted by a quest or an achievement. */
export type CollectibleReward = z.output<typeof collectibleRewardSchema>;

/** The collection type (db `collectible_type`) and id a reward unlocks. */
export function collectibleOfReward(reward: CollectibleReward): { collectibleType: "mount" | "pet" | "vanity_pet"; collectibleId: number } {
  switch (reward.kind) {
    case "mount":
      return { collectibleType: "mount", collectibleId: reward.mountId };
    case "pet":
      return { collectibleType: "pet", collectibleId: reward.petId };
    case "vanity_pet":
      return { collectibleType: "vanity_pet", collectibleId: reward.vanityPetId };
  }
}
