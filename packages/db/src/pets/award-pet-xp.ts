import { applyPetXp } from "@bezgelor/core";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { changeBalance } from "../currency/change-currency.js";
import { claimLevelRewards } from "../level-rewards/claim-level-rewards.js";
import { IdSchema, ReasonSchema } from "../validation.js";
import type { CharacterPetRecord } from "./character-pet-record.js";
import { lockCharacterPet } from "./lock-character-pet.js";

/** The most XP one {@link awardPetXp} gives. */
export const MAX_PET_XP_AWARD = 1_000_000_000;

const Input = z.object({
  characterId: IdSchema,
  petId: IdSchema,
  amount: z.number().int().min(0).max(MAX_PET_XP_AWARD),
  /** What earned it, e.g. "kill 12345", "gm". */
  source: ReasonSchema,
});

/** The input of {@link awardPetXp}. */
export type AwardPetXpInput = z.input<typeof Input>;

/** What {@link awardPetXp} returns: the pet after, what was added, the levels passed and those whose rewards this call paid. */
export interface AwardPetXpResult {
  pet: CharacterPetRecord;
  gained: number;
  fromLevel: number;
  levelsReached: number[];
  rewardedLevels: number[];
}

/** The reward track of a combat pet's levels: `pet:2001`. */
export function petRewardTrack(petId: number): string {
  return `pet:${petId}`;
}

/**
 * Adds XP to a combat pet the character owns, up to its curve's cap (core applyPetXp), keeping
 * it with the pet whichever pet is summoned later. The gold of each rewarded level the pet reaches
 * is paid once per character, pet and level, ever (claimLevelRewards on `pet:<id>`), through the
 * ledger. Emits pet.xp-gained (when XP was added) and currency.changed. Throws DbError
 * UNKNOWN_GAME_DATA (no such pet), CHARACTER_NOT_FOUND, COLLECTIBLE_NOT_OWNED, BALANCE_OVERFLOW,
 * INVALID_INPUT.
 */
export const awardPetXp = defineAction({
  name: "pet.award-xp",
  input: Input,
  describe: (i) => `Giving ${i.amount} XP to pet ${i.petId} of character ${i.characterId}`,
  async run(ctx, i): Promise<AwardPetXpResult> {
    const def = requireDefinition(ctx.rules.data.pets, "pet", i.petId);
    const { accountId, pet } = await lockCharacterPet(ctx, i.characterId, "pet", i.petId);
    const gain = applyPetXp(def, pet.xp, i.amount);
    const after: CharacterPetRecord = { ...pet, xp: gain.xp, level: gain.toLevel };
    if (gain.gained === 0) return { pet: after, gained: 0, fromLevel: gain.fromLevel, levelsReached: [], rewardedLevels: [] };
    await ctx.tx.$executeRaw`UPDATE "character_pets" SET "xp" = ${gain.xp}, "level" = ${gain.toLevel}, "updated_at" = ${ctx.now}
      WHERE "character_id" = ${i.characterId} AND "kind" = 'pet' AND "pet_id" = ${i.petId}`;
    ctx.emit({
      kind: "pet.xp-gained",
      accountId,
      characterId: i.characterId,
      petId: i.petId,
      gained: gain.gained,
      xp: gain.xp,
      fromLevel: gain.fromLevel,
      toLevel: gain.toLevel,
      source: i.source,
    });
    ctx.step("pet.xp-gained");
    const rewardLevels = gain.levelsReached.filter((level) => def.levelRewards.some((r) => r.level === level));
    const owner = { kind: "character", id: i.characterId } as const;
    const rewardedLevels = await claimLevelRewards(ctx, { owner, track: petRewardTrack(i.petId), levels: rewardLevels });
    ctx.step("pet.rewards-claimed");
    for (const level of rewardedLevels) {
      const reward = def.levelRewards.find((r) => r.level === level);
      if (reward === undefined) continue;
      await changeBalance(ctx, { currency: "gold", characterId: i.characterId, delta: reward.gold, reason: `pet ${i.petId} level ${level}`, source: "system" });
    }
    return { pet: after, gained: gain.gained, fromLevel: gain.fromLevel, levelsReached: [...gain.levelsReached], rewardedLevels };
  },
});
