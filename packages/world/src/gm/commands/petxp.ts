import { WorldError } from "../../errors";
import { awardOutPetXp } from "../../game/pets/award-pet-kill-xp";
import { intArg } from "../args";
import { callerIds, gmCommand } from "../command";

/** `!petxp <amount>`: XP to the combat pet that is out (awardOutPetXp: levels, rewards once per level, its fight's level). */
export const petxp = gmCommand({
  name: "petxp",
  role: "gm",
  usage: "!petxp <amount>",
  summary: "give XP to the combat pet that is out",
  maxArgs: 1,
  async run(ctx, [raw]) {
    const amount = intArg(raw, "amount", this.usage, { min: 1, max: 1_000_000_000 });
    const { characterId } = callerIds(ctx);
    const out = ctx.services.world.companionOf(characterId, "pet");
    const result = out?.spec.collectibleType === "pet" ? await awardOutPetXp(ctx, amount, "gm") : undefined;
    if (!out || !result) throw new WorldError("NOT_AVAILABLE", "no combat pet is out", { details: { characterId } });
    const petId = out.spec.collectibleId;
    const rewards = result.rewardedLevels.length ? `; rewards for levels ${result.rewardedLevels.join(", ")}` : "";
    return `pet ${petId}: +${result.gained} XP, level ${result.pet.level} (${result.pet.xp} XP)${rewards}`;
  },
});
