import { awardPetXp } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { playerActionOptions } from "../../game/action-options";
import { intArg } from "../args";
import { callerIds, gmCommand } from "../command";

/** `!petxp <amount>`: XP to the combat pet that is out (awardPetXp: levels, rewards once per level). */
export const petxp = gmCommand({
  name: "petxp",
  role: "gm",
  usage: "!petxp <amount>",
  summary: "give XP to the combat pet that is out",
  async run(ctx, [raw]) {
    const amount = intArg(raw, "amount", this.usage, { min: 1, max: 1_000_000_000 });
    const { characterId } = callerIds(ctx);
    const out = ctx.services.world.companionOf(characterId, "pet");
    if (out?.spec.collectibleType !== "pet") throw new WorldError("NOT_AVAILABLE", "no combat pet is out", { details: { characterId } });
    const petId = out.spec.collectibleId;
    const { result } = await awardPetXp(ctx.services.db, { ...playerActionOptions(ctx), characterId, petId, amount, source: "gm" });
    await ctx.services.events.flush();
    const rewards = result.rewardedLevels.length ? `; rewards for levels ${result.rewardedLevels.join(", ")}` : "";
    return `pet ${petId}: +${result.gained} XP, level ${result.pet.level} (${result.pet.xp} XP)${rewards}`;
  },
});
