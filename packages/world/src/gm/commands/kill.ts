import { countKill } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { awardPetKillXp } from "../../game/pets/award-pet-kill-xp";
import { intArg } from "../args";
import { callerIds, gmCommand, ID } from "../command";
import { describeReputation } from "../describe-reputation";

/** `!kill <creatureId>`: countKill, the hook a combat system will call; the combat pet out gets 10 % of the creature's XP. */
export const kill = gmCommand({
  name: "kill",
  role: "gm",
  usage: "!kill <creatureId>",
  summary: "count a kill of a creature (its reputation rewards apply)",
  async run(ctx, [creature]) {
    const creatureId = intArg(creature, "creatureId", this.usage, ID);
    const { result } = await countKill(ctx.services.db, { ...playerActionOptions(ctx), characterId: callerIds(ctx).characterId, creatureId });
    await ctx.services.events.flush();
    const pet = await awardPetKillXp(ctx, ctx.services.data.creatures.get(creatureId)?.rewards.xp ?? 0, `kill ${creatureId}`);
    const petLine = pet ? `; pet +${pet.gained} XP, level ${pet.pet.level}` : "";
    return describeReputation(result.changes) + petLine;
  },
});
