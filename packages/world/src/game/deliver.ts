// Today's packets for the events of an action run by this session: the one place a handler's
// action results become packets, so the world events module can replace it whole. Events for
// another account or another character are not this session's to send.
import type { GameEvent } from "@bezgelor/db";
import {
  CHAT_CHANNEL_TYPE,
  QUEST_STATE,
  ServerAchievementUpdate,
  ServerGoldChanged,
  ServerInventoryUpdate,
  ServerQuestStateChange,
  ServerReputationUpdate,
  ServerTitleSet,
  ServerTitleUpdate,
} from "@bezgelor/protocol";
import type { HandlerContext } from "../handlers/types";
import { packet } from "../server/outgoing";
import { systemMessage } from "./system-message";

function deliverOne({ session, services }: HandlerContext, event: GameEvent): void {
  const character = session.requireCharacter();
  switch (event.kind) {
    case "reputation.changed":
      session.send(ServerReputationUpdate, { factionId: event.factionId, value: event.after });
      if (event.levelBefore !== event.levelAfter) {
        session.logger.info({ factionId: event.factionId, from: event.levelBefore, to: event.levelAfter }, "reputation level changed");
      }
      return;
    case "title.granted": {
      session.send(ServerTitleUpdate, { titleId: event.titleId, alreadyOwned: false, revoked: false });
      const name = services.data.titles.get(event.titleId)?.name ?? `#${event.titleId}`;
      systemMessage(session, `Title unlocked: ${name}`, CHAT_CHANNEL_TYPE.System);
      session.logger.info({ titleId: event.titleId, source: event.source }, "title unlocked");
      return;
    }
    case "title.revoked":
      session.send(ServerTitleUpdate, { titleId: event.titleId, alreadyOwned: false, revoked: true });
      return;
    case "title.active-changed": {
      const titleId = event.titleId ?? 0;
      const seen = services.presence.broadcastZone(character.worldId, character.zoneId, packet(ServerTitleSet, { unitId: character.id, titleId }));
      session.logger.info({ titleId, seenBy: seen }, "active title set");
      return;
    }
    case "quest.state-changed":
      session.send(ServerQuestStateChange, {
        questId: event.questId,
        state: event.state === "accepted" ? QUEST_STATE.Accepted : QUEST_STATE.Completed,
        questObjectiveId: 0,
      });
      session.logger.info({ questId: event.questId }, `quest ${event.state}`);
      return;
    case "achievement.earned":
      session.send(ServerAchievementUpdate, {
        deleted: false,
        achievements: [
          { achievementId: event.achievementId, checklistFlagsLow: 0, checklistFlagsHigh: 0, dateCompleted: BigInt(Math.floor(event.earnedAt.getTime() / 1000)) },
        ],
      });
      session.logger.info({ achievementId: event.achievementId }, "achievement earned");
      return;
    case "currency.changed":
      // Account currencies have no packet yet; the world events module sends ServerAccountCurrencySet.
      if (event.currency === "gold") session.send(ServerGoldChanged, { balance: event.balanceAfter, delta: event.delta });
      return;
    case "inventory.changed":
      session.send(ServerInventoryUpdate, { itemId: event.itemId, count: event.count });
      return;
    case "path.level-changed":
      session.logger.info({ path: event.path, before: event.before, after: event.after }, "path level set");
      return;
    case "creature.killed":
      session.logger.info({ creatureId: event.creatureId }, "creature killed");
      return;
    case "account.sessions-revoked":
      // Not caused by in-game actions; the world events module ends the sessions.
      return;
  }
}

/**
 * Sends this session's player what the events of an action it ran changed, in order, as today's
 * packets. Events for another account, or for another character of this account, are skipped.
 */
export async function deliverEvents(ctx: HandlerContext, events: readonly GameEvent[]): Promise<void> {
  const account = ctx.session.requireAccount().id;
  const character = ctx.session.requireCharacter().id;
  for (const event of events) {
    if (event.accountId !== account) continue;
    if (event.characterId !== null && event.characterId !== character) continue;
    deliverOne(ctx, event);
  }
}
