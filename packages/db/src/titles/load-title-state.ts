// What titleUnlocksFor looks at, read inside the action's transaction: the account's titles and
// the progress of the character whose action fired the check. Read after the action's own writes,
// so the state includes them.
import type { AccountTitleState } from "@bezgelor/core";
import type { Prisma } from "../generated/prisma/client";
import { listAchievements } from "../progress/list-achievements.js";
import { listPathLevels } from "../progress/list-path-levels.js";
import { listQuests } from "../progress/list-quests.js";
import { getReputations } from "../reputation/get-reputations.js";
import { listAccountTitles } from "./list-account-titles.js";

/** Loads the title state of an account and one of its characters at `now` (expired titles are not owned). */
export async function loadTitleState(tx: Prisma.TransactionClient, ids: { accountId: number; characterId: number; now: Date }): Promise<AccountTitleState> {
  const { accountId, characterId, now } = ids;
  // One after the other: a transaction is one connection.
  const titles = await listAccountTitles(tx, { accountId, now });
  const standings = await getReputations(tx, { characterId });
  const achievements = await listAchievements(tx, { characterId });
  const quests = await listQuests(tx, { characterId });
  const paths = await listPathLevels(tx, { characterId });
  return {
    ownedTitleIds: new Set(titles.map((t) => t.titleId)),
    standings: new Map(standings.map((r) => [r.factionId, r.standing])),
    achievements: new Set(achievements.map((a) => a.achievementId)),
    completedQuests: new Set(quests.filter((q) => q.state === "completed").map((q) => q.questId)),
    pathLevels: new Map(paths.map((p) => [p.path, p.level])),
    now,
  };
}
