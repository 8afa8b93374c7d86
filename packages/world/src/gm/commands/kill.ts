import { countKill } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { intArg } from "../args";
import { callerIds, gmCommand, ID } from "../command";
import { describeReputation } from "../describe-reputation";

/** `!kill <creatureId>`: countKill, the hook a combat system will call. */
export const kill = gmCommand({
  name: "kill",
  role: "gm",
  usage: "!kill <creatureId>",
  summary: "count a kill of a creature (its reputation rewards apply)",
  async run(ctx, [creature]) {
    const creatureId = intArg(creature, "creatureId", this.usage, ID);
    const { result } = await countKill(ctx.services.db, { ...playerActionOptions(ctx), characterId: callerIds(ctx).characterId, creatureId });
    await ctx.services.events.flush();
    return describeReputation(result.changes);
  },
});
