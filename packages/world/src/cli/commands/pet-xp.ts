import { awardPetXp, getCharacterByName, MAX_PET_XP_AWARD, MAX_REASON_LENGTH } from "@bezgelor/db";
import { cliActor } from "../currency-change";
import { defineCommand, str } from "../command";
import { parseReason } from "../text-option";
import { parseWholeNumber } from "../whole-number";

interface PetXpView {
  character: string;
  petId: number;
  gained: number;
  xp: number;
  level: number;
  rewardedLevels: number[];
}

/**
 * `bezgelor pet xp --character NAME --pet ID --amount N [--reason R]`: XP to a combat pet the
 * character owns, through awardPetXp (levels, each level's reward once, ever), as `!petxp` does
 * for the pet out. The world server delivers its event: an online owner sees the XP, and a pet
 * that is out takes its new level at once.
 */
export const petXp = defineCommand({
  path: ["pet", "xp"],
  role: "gm",
  summary: "give XP to a character's combat pet (levels and their rewards follow, as !petxp)",
  options: {
    character: { type: "string", description: "character name", required: true },
    pet: { type: "string", description: "combat pet id (the character must own it)", required: true },
    amount: { type: "string", description: `XP, 1 to ${MAX_PET_XP_AWARD}`, required: true },
    reason: { type: "string", description: `what earned it (logged with the event; 1 to ${MAX_REASON_LENGTH} characters)`, default: "gm" },
  },
  printsData: true,
  async run(ctx, o) {
    const petId = parseWholeNumber("pet", str(o, "pet"), 1, 2_147_483_647);
    const amount = parseWholeNumber("amount", str(o, "amount"), 1, MAX_PET_XP_AWARD);
    parseReason(str(o, "reason"));
    const { client } = await ctx.openDatabase();
    const character = await getCharacterByName(client, { name: str(o, "character") });
    const { result } = await awardPetXp(client, {
      rules: await ctx.loadRules(),
      actor: cliActor(),
      characterId: character.id,
      petId,
      amount,
      source: str(o, "reason"),
    });
    const view: PetXpView = {
      character: character.name,
      petId,
      gained: result.gained,
      xp: result.pet.xp,
      level: result.pet.level,
      rewardedLevels: result.rewardedLevels,
    };
    ctx.print(view, (v: PetXpView) => {
      const rewards = v.rewardedLevels.length > 0 ? `; rewards for levels ${v.rewardedLevels.join(", ")}` : "";
      return `${v.character}'s pet ${v.petId}: +${v.gained} XP, level ${v.level} (${v.xp} XP)${rewards}`;
    });
  },
});
