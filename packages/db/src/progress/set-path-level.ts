import { pathLevelRewards, pathRewardLevels } from "@bezgelor/core";
import { MAX_PATH_LEVEL, PATH_KEY } from "@bezgelor/data";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { characterAccountId } from "../characters/character-account.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { claimLevelRewards } from "../level-rewards/claim-level-rewards.js";
import { pathRewardTrack } from "../level-rewards/level-reward-owner.js";
import { applyReputation, type AwardedReputation } from "../reputation/award-reputation.js";
import { checkTitles } from "../titles/check-titles.js";
import { IdSchema } from "../validation.js";
import { updatePathLevel } from "./update-path-level.js";

const Input = z.object({
  characterId: IdSchema,
  path: z.enum(PATH_KEY),
  /** 0..the path's maxLevel in the game data (never above 100). */
  level: z.number().int().min(0).max(MAX_PATH_LEVEL),
});

/** The input of {@link setPathLevel}. */
export type SetPathLevelInput = z.input<typeof Input>;

/** What {@link setPathLevel} returns. */
export interface SetPathLevelResult {
  /** The level before (0 when the path had none). */
  before: number;
  after: number;
  /** The rewarded levels paid by this call (passed on the way up and never paid before), ascending. */
  rewardedLevels: number[];
  reputation: AwardedReputation[];
  /** Titles granted by the level rewards' level changes, then by the path level. */
  titles: number[];
}

/**
 * Sets a character's path level. The reputation rewards of every level passed on the way up
 * (pathRewardLevels and pathLevelRewards in core; source "path <path> <level>") are paid once per
 * character and level, ever: each level is claimed on the track `path:<path>` (claimLevelRewards),
 * so a level lost and regained, or reached by racing calls, pays nothing again; skipped levels each
 * pay once. The rewards and the titles they and the level unlock are granted in the same transaction. Events: path.level-changed,
 * reputation.changed, title.granted.
 * Throws DbError UNKNOWN_GAME_DATA (a path the data lacks), CHARACTER_NOT_FOUND, INVALID_INPUT
 * (unknown path, a level outside 0..the path's maxLevel).
 */
export const setPathLevel = defineAction({
  name: "path.set-level",
  input: Input,
  describe: (i) => `Setting the ${i.path} level of character ${i.characterId}`,
  async run(ctx, i): Promise<SetPathLevelResult> {
    const { characterId, path, level } = i;
    const def = requireDefinition(ctx.rules.data.paths, "path", path);
    if (level > def.maxLevel) {
      throw new DbError(DB_ERROR_CODES.INVALID_INPUT, `${path} levels are 0 to ${def.maxLevel}`, { details: { path, level, maxLevel: def.maxLevel } });
    }
    const accountId = await characterAccountId(ctx.tx, characterId);
    const before = await updatePathLevel(ctx.tx, characterId, path, level);
    ctx.emit({ kind: "path.level-changed", accountId, characterId, path, before, after: level });
    ctx.step("path.level-changed");
    const ids = { accountId, characterId };
    const owner = { kind: "character", id: characterId } as const;
    const rewardedLevels = await claimLevelRewards(ctx, { owner, track: pathRewardTrack(path), levels: pathRewardLevels(def, before, level) });
    ctx.step("path.rewards-claimed");
    const reputation = await applyReputation(ctx, { ...ids, changes: pathLevelRewards(def, rewardedLevels), source: `path ${path} ${level}` });
    const titles = [...reputation.titles, ...(await checkTitles(ctx, ids, { type: "path", path, level }))];
    return { before, after: level, rewardedLevels, reputation: reputation.changes, titles };
  },
});
