import { titleExpiresAt, titleUnlocksFor, type AccountTitleState, type TitleTrigger } from "@bezgelor/core";
import type { PathKey } from "@bezgelor/data";
import { getReputations, grantTitle, listAccountTitles, listAchievements, listPathLevels, listQuests, type TitleSource } from "@bezgelor/db";
import { CHAT_CHANNEL_TYPE, ServerTitleUpdate } from "@bezgelor/protocol";
import type { HandlerContext } from "../handlers/types";
import { systemMessage } from "./system-message";

/** What title rules look at: the account's titles and the progress of the character in play. */
export async function loadTitleState(ctx: HandlerContext, now = new Date()): Promise<AccountTitleState> {
  const { db } = ctx.services;
  const characterId = ctx.session.requireCharacter().id;
  const accountId = ctx.session.requireAccount().id;
  const [titles, standings, achievements, quests, paths] = await Promise.all([
    listAccountTitles(db, { accountId, now }),
    getReputations(db, { characterId }),
    listAchievements(db, { characterId }),
    listQuests(db, { characterId }),
    listPathLevels(db, { characterId }),
  ]);
  return {
    ownedTitleIds: new Set(titles.map((t) => t.titleId)),
    standings: new Map(standings.map((r) => [r.factionId, r.standing])),
    achievements: new Set(achievements.map((a) => a.achievementId)),
    completedQuests: new Set(quests.filter((q) => q.state === "completed").map((q) => q.questId)),
    pathLevels: new Map(paths.map((p) => [p.path as PathKey, p.level])),
    now,
  };
}

/**
 * Grants every title `trigger` unlocks that the account lacks. Each grant is idempotent in the
 * database (two characters of one account racing get one row); only a grant that created the
 * row is announced, with ServerTitleUpdate and a system line naming the title.
 * Returns the ids newly granted.
 */
export async function checkTitles(ctx: HandlerContext, trigger: TitleTrigger): Promise<number[]> {
  const now = new Date();
  const state = await loadTitleState(ctx, now);
  const granted: number[] = [];
  for (const titleId of titleUnlocksFor(ctx.services.data.titles, trigger, state, ctx.services.scale)) {
    if (await grantAndAnnounce(ctx, titleId, trigger.type, now)) granted.push(titleId);
  }
  return granted;
}

/**
 * Grants one title to the session's account (with its expiry, for event titles) and, if the grant
 * created it, tells the player: ServerTitleUpdate plus a system line naming the title.
 * Returns whether this call granted it (false: already owned).
 */
export async function grantAndAnnounce(ctx: HandlerContext, titleId: number, source: TitleSource, now = new Date()): Promise<boolean> {
  const { services, session } = ctx;
  const title = services.data.titles.require(titleId);
  const result = await grantTitle(services.db, {
    accountId: session.requireAccount().id,
    titleId,
    source,
    expiresAt: titleExpiresAt(title, now),
    now,
  });
  if (!result.granted) return false;
  session.send(ServerTitleUpdate, { titleId, alreadyOwned: false, revoked: false });
  systemMessage(session, `Title unlocked: ${title.name}`, CHAT_CHANNEL_TYPE.System);
  session.logger.info({ titleId, source }, "title unlocked");
  return true;
}
