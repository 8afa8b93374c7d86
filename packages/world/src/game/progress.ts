import type { PathKey } from "@bezgelor/data";
import { changeReputation, grantAchievement, runTransaction, setPathLevel, type DbClient } from "@bezgelor/db";
import { ServerAchievementUpdate } from "@bezgelor/protocol";
import type { HandlerContext } from "../handlers/types";
import { RuleError } from "../server/rule-error";
import { announceReputation, describeChanges, type ReputationDelta } from "./reputation";
import { checkTitles } from "./titles";

/** Applies reputation rewards inside the caller's transaction (nothing when there are none). */
function rewardReputation(ctx: HandlerContext, tx: DbClient, deltas: readonly ReputationDelta[], source: string) {
  if (deltas.length === 0) return Promise.resolve([]);
  const { scale } = ctx.services;
  return changeReputation(tx, {
    characterId: ctx.session.requireCharacter().id,
    changes: [...deltas],
    bounds: { min: scale.minStanding, max: scale.maxStanding },
    source,
  });
}

/**
 * The character earns an achievement: the achievement and its reputation rewards are one
 * transaction, so the rewards come exactly once. Then the player is told, and achievement and
 * reputation titles are checked. Returns whether it was new and the titles it unlocked.
 */
export async function earnAchievement(ctx: HandlerContext, achievementId: number): Promise<{ granted: boolean; titles: number[] }> {
  const achievement = ctx.services.data.achievements.get(achievementId);
  if (!achievement) throw new RuleError("NOT_FOUND", `no achievement ${achievementId}`, { achievementId });
  const characterId = ctx.session.requireCharacter().id;
  const rewards = achievement.rewards.reputation.map((r) => ({ factionId: r.factionId, delta: r.amount }));
  const result = await runTransaction(ctx.services.db, async (tx) => {
    const earned = await grantAchievement(tx, { characterId, achievementId });
    const reputation = earned.granted ? await rewardReputation(ctx, tx, rewards, `achievement ${achievementId}`) : [];
    return { ...earned, reputation };
  });
  if (!result.granted) return { granted: false, titles: [] };
  ctx.session.send(ServerAchievementUpdate, {
    deleted: false,
    achievements: [{ achievementId, checklistFlagsLow: 0, checklistFlagsHigh: 0, dateCompleted: BigInt(Math.floor(result.earnedAt.getTime() / 1000)) }],
  });
  ctx.session.logger.info({ achievementId }, "achievement earned");
  await announceReputation(ctx, describeChanges(ctx, result.reputation));
  return { granted: true, titles: await checkTitles(ctx, { type: "achievement", achievementId }) };
}

/**
 * Sets a path level. Reputation rewards of every level passed on the way up are granted in the
 * same transaction as the level; then path and reputation titles are checked.
 */
export async function advancePath(ctx: HandlerContext, path: PathKey, level: number): Promise<{ before: number; after: number; titles: number[] }> {
  const def = ctx.services.data.paths.get(path);
  if (!def) throw new RuleError("NOT_FOUND", `no path ${path}`);
  if (level < 0 || level > def.maxLevel) throw new RuleError("INVALID_INPUT", `${path} levels are 0 to ${def.maxLevel}`);
  const characterId = ctx.session.requireCharacter().id;
  const result = await runTransaction(ctx.services.db, async (tx) => {
    const change = await setPathLevel(tx, { characterId, path, level });
    const passed = def.levelRewards.filter((r) => r.level > change.before && r.level <= change.after);
    const deltas = passed.flatMap((r) => r.reputation.map((x) => ({ factionId: x.factionId, delta: x.amount })));
    return { ...change, reputation: await rewardReputation(ctx, tx, deltas, `path ${path} ${change.after}`) };
  });
  ctx.session.logger.info({ path, before: result.before, after: result.after }, "path level set");
  await announceReputation(ctx, describeChanges(ctx, result.reputation));
  const titles = await checkTitles(ctx, { type: "path", path, level: result.after });
  return { before: result.before, after: result.after, titles };
}
