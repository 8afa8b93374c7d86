import { getActiveTitle, getGold, getReputations, listAccountTitles, listAchievements } from "@bezgelor/db";
import {
  ServerAchievementInit,
  ServerGoldChanged,
  ServerReputationList,
  ServerTitleSet,
  ServerTitles,
} from "@bezgelor/protocol";
import type { HandlerContext } from "../types";

/** What each feature sends when a character enters the world, in order. */
export type EnterWorldStep = (ctx: HandlerContext) => Promise<void> | void;

const SECOND = 1000;

/** Every standing the character holds (extension: the genuine client gets them inside its player entity). */
async function sendReputations({ session, services }: HandlerContext): Promise<void> {
  const rows = await getReputations(services.db, { characterId: session.requireCharacter().id });
  session.send(ServerReputationList, { reputations: rows.map((r) => ({ factionId: r.factionId, value: r.standing })) });
}

/** The account's titles with time left on expiring ones, then the active title on the player's own unit. */
async function sendTitles({ session, services }: HandlerContext): Promise<void> {
  const now = new Date();
  const accountId = session.requireAccount().id;
  const [titles, active] = await Promise.all([
    listAccountTitles(services.db, { accountId, now }),
    getActiveTitle(services.db, { accountId, now }),
  ]);
  session.send(ServerTitles, {
    titles: titles.map((t) => ({
      titleId: t.titleId,
      revoked: false,
      inSchedule: t.expiresAt !== null,
      timeRemaining: t.expiresAt ? Math.max(0, Math.floor((t.expiresAt.getTime() - now.getTime()) / SECOND)) : 0,
    })),
  });
  session.send(ServerTitleSet, { unitId: session.requireCharacter().id, titleId: active ?? 0 });
}

async function sendAchievements({ session, services }: HandlerContext): Promise<void> {
  const rows = await listAchievements(services.db, { characterId: session.requireCharacter().id });
  session.send(ServerAchievementInit, {
    achievements: rows.map((a) => ({
      achievementId: a.achievementId,
      checklistFlagsLow: 0,
      checklistFlagsHigh: 0,
      dateCompleted: BigInt(Math.floor(a.earnedAt.getTime() / SECOND)),
    })),
  });
}

async function sendGold({ session, services }: HandlerContext): Promise<void> {
  const balance = await getGold(services.db, { characterId: session.requireCharacter().id });
  session.send(ServerGoldChanged, { balance, delta: 0n });
}

export const ENTER_WORLD_STEPS: readonly EnterWorldStep[] = [sendReputations, sendTitles, sendAchievements, sendGold];
