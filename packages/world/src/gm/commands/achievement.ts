import { grantAchievement } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { intArg } from "../args";
import { callerIds, gmCommand, titlesSuffix } from "../command";

/** `!achievement <achievementId>`: grantAchievement (its rewards and titles follow, once). */
export const achievement = gmCommand({
  name: "achievement",
  role: "gm",
  usage: "!achievement <achievementId>",
  summary: "grant an achievement (its reputation rewards and titles follow)",
  maxArgs: 1,
  async run(ctx, [raw]) {
    const achievementId = intArg(raw, "achievementId", this.usage, { min: 1, max: 32_767 });
    const { result } = await grantAchievement(ctx.services.db, { ...playerActionOptions(ctx), characterId: callerIds(ctx).characterId, achievementId });
    await ctx.services.events.flush();
    if (!result.granted) return `already has achievement ${achievementId}`;
    return `granted achievement ${achievementId}${titlesSuffix(result.titles)}`;
  },
});
