import { creditKill } from "../../game/credit-kill";
import { intArg } from "../args";
import { gmCommand, ID } from "../command";
import { describeReputation } from "../describe-reputation";

/** `!kill <creatureId>`: the kill path the basic attack runs (creditKill: countKill, and the combat pet out gets 10 % of the creature's XP). */
export const kill = gmCommand({
  name: "kill",
  role: "gm",
  usage: "!kill <creatureId>",
  summary: "count a kill of a creature (its reputation rewards apply)",
  maxArgs: 1,
  async run(ctx, [creature]) {
    const creatureId = intArg(creature, "creatureId", this.usage, ID);
    const { result, pet } = await creditKill(ctx, creatureId, `kill ${creatureId}`);
    const petLine = pet ? `; pet +${pet.gained} XP, level ${pet.pet.level}` : "";
    return describeReputation(result.changes) + petLine;
  },
});
