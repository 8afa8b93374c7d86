import { MAX_PATH_LEVEL, PATH_KEY } from "@bezgelor/data";
import { setPathLevel } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { playerActionOptions } from "../../game/action-options";
import { intArg } from "../args";
import { callerIds, gmCommand, titlesSuffix } from "../command";

/**
 * `!path <path> <level>`: setPathLevel. The reply names the levels whose rewards this call paid
 * (each level pays once per character, ever) and the titles granted.
 */
export const path = gmCommand({
  name: "path",
  role: "gm",
  usage: `!path <${PATH_KEY.join("|")}> <level>`,
  summary: "set a path level (its level rewards, once per level ever, and titles follow)",
  maxArgs: 2,
  async run(ctx, [name, raw]) {
    const key = PATH_KEY.find((p) => p === name);
    if (!key) throw new WorldError("INVALID_INPUT", `usage: ${this.usage}`);
    const level = intArg(raw, "level", this.usage, { min: 0, max: MAX_PATH_LEVEL });
    const { result } = await setPathLevel(ctx.services.db, { ...playerActionOptions(ctx), characterId: callerIds(ctx).characterId, path: key, level });
    await ctx.services.events.flush();
    const rewards = result.rewardedLevels.length ? `; level rewards ${result.rewardedLevels.join(", ")}` : "";
    return `${key} level ${result.before} -> ${result.after}${rewards}${titlesSuffix(result.titles)}`;
  },
});
