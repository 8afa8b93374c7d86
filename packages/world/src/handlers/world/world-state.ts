import { getActiveTitle, getBalances, getReputations, listAccountTitles, listAchievements } from "@bezgelor/db";
import { ServerAchievementInit, ServerReputationList, ServerTitleSet, ServerTitles } from "@bezgelor/protocol";
import { accountCurrenciesPacket, creditsPacket } from "../../game/currency-packets";
import { sendFriendsOnEnter } from "../../enter-world/friends";
import { sendMailOnEnter } from "../../enter-world/mail";
import type { HandlerContext } from "../types";

const SECOND = 1000;

/**
 * What the player needs on entering the world: standings (extension ServerReputationList; the
 * genuine client gets them inside its player entity), the account's titles with time left on
 * expiring ones, the active title on the player's own unit, achievements, gold (ServerCombatReward)
 * and the account currencies (ServerAccountCurrencySet), then the friend list and invites and the
 * mailbox (enter-world/friends.ts, enter-world/mail.ts). The reads run
 * together; the packets go out in a fixed order.
 */
export async function sendWorldState(ctx: HandlerContext): Promise<void> {
  const { session, services } = ctx;
  const { db } = services;
  const now = new Date();
  const characterId = session.requireCharacter().id;
  const accountId = session.requireAccount().id;
  const [reputations, titles, active, achievements, balances] = await Promise.all([
    getReputations(db, { characterId }),
    listAccountTitles(db, { accountId, now }),
    getActiveTitle(db, { accountId, now }),
    listAchievements(db, { characterId }),
    getBalances(db, { accountId, characterId }),
  ]);
  session.send(ServerReputationList, { reputations: reputations.map((r) => ({ factionId: r.factionId, value: r.standing })) });
  session.send(ServerTitles, {
    titles: titles.map((t) => ({
      titleId: t.titleId,
      revoked: false,
      inSchedule: t.expiresAt !== null,
      timeRemaining: t.expiresAt ? Math.max(0, Math.floor((t.expiresAt.getTime() - now.getTime()) / SECOND)) : 0,
    })),
  });
  session.send(ServerTitleSet, { unitId: characterId, titleId: active ?? 0 });
  session.send(ServerAchievementInit, {
    achievements: achievements.map((a) => ({
      achievementId: a.achievementId,
      checklistFlagsLow: 0,
      checklistFlagsHigh: 0,
      dateCompleted: BigInt(Math.floor(a.earnedAt.getTime() / SECOND)),
    })),
  });
  session.deliver(creditsPacket(balances.gold ?? 0n));
  session.deliver(accountCurrenciesPacket(balances));
  await sendFriendsOnEnter(ctx);
  await sendMailOnEnter(ctx);
}
