// The one place that decides what the client is sent for each kind of event, whichever process
// caused it (a handler, a GM command, the CLI, another service). Events for players who are not
// in the world send nothing: they read the state when they next enter.
import type { GameData } from "@bezgelor/data";
import { getBalances, type DbClient, type GameEvent, type GameEventKind, type GameEventOf } from "@bezgelor/db";
import {
  CHAT_CHANNEL_TYPE,
  EXP_REASON,
  QUEST_STATE,
  ServerAchievementUpdate,
  ServerExperienceGained,
  ServerInventoryUpdate,
  ServerQuestStateChange,
  ServerReputationUpdate,
  ServerTitleSet,
  ServerTitleUpdate,
} from "@bezgelor/protocol";
import { accountCurrenciesPacket, creditsPacket } from "../game/currency-packets";
import { systemMessage } from "../game/system-message";
import { packet } from "../server/outgoing";
import type { LastCatalog } from "../journal/last-catalog";
import type { Recipients } from "./recipients";
import { COLLECTION_EVENT_DELIVERY } from "./collection-delivery";
import { SOCIAL_EVENT_DELIVERY } from "./social-delivery";
import { STORE_EVENT_DELIVERY } from "./store-delivery";

/** What an event mapping can use. */
export interface DeliveryContext {
  readonly to: Recipients;
  readonly data: GameData;
  readonly db: DbClient;
  /** This server's realm id (identities in the friend and mail packets). */
  readonly realmId: number;
  /** The store prices each account was last shown (kept up to date when the store is sent again). */
  readonly lastCatalog: LastCatalog;
}

type Deliver<K extends GameEventKind> = (ctx: DeliveryContext, event: GameEventOf<K>) => void | Promise<void>;

const SECOND = 1000;

/** Every event kind and what it sends; the type makes a kind without a mapping a compile error. */
export const EVENT_DELIVERY: { readonly [K in GameEventKind]: Deliver<K> } = {
  "reputation.changed": ({ to }, e) => {
    // The client adds the value to the standing it has (NexusForever sends the change).
    to.character(e.characterId)?.send(ServerReputationUpdate, { factionId: e.factionId, value: e.delta });
  },
  "title.granted": ({ to, data }, e) => {
    const session = to.account(e.accountId);
    if (!session) return;
    session.send(ServerTitleUpdate, { titleId: e.titleId, alreadyOwned: false, revoked: false });
    systemMessage(session, `Title unlocked: ${data.titles.get(e.titleId)?.name ?? `#${e.titleId}`}`, CHAT_CHANNEL_TYPE.System);
  },
  "title.revoked": ({ to }, e) => {
    const session = to.account(e.accountId);
    session?.send(ServerTitleUpdate, { titleId: e.titleId, alreadyOwned: false, revoked: true });
    const unitId = to.unitOfAccount(e.accountId);
    if (e.clearedActive && unitId !== undefined) to.viewersOf(e.accountId, packet(ServerTitleSet, { unitId, titleId: 0 }));
  },
  "title.active-changed": ({ to }, e) => {
    const unitId = to.unitOfAccount(e.accountId);
    if (unitId !== undefined) to.viewersOf(e.accountId, packet(ServerTitleSet, { unitId, titleId: e.titleId ?? 0 }));
  },
  "currency.changed": async ({ to, db }, e) => {
    if (e.currency === "gold") {
      if (e.characterId !== null) to.character(e.characterId)?.deliver(creditsPacket(e.balanceAfter));
      return;
    }
    // The genuine packet carries every account currency: read them all, as of now.
    const session = to.account(e.accountId);
    if (session) session.deliver(accountCurrenciesPacket(await getBalances(db, { accountId: e.accountId })));
  },
  "quest.state-changed": ({ to }, e) => {
    const state = e.state === "completed" ? QUEST_STATE.Completed : QUEST_STATE.Accepted;
    to.character(e.characterId)?.send(ServerQuestStateChange, { questId: e.questId, state, randomResultId: 0 });
  },
  "achievement.earned": ({ to }, e) => {
    to.character(e.characterId)?.send(ServerAchievementUpdate, {
      deleted: false,
      achievements: [
        { achievementId: e.achievementId, checklistFlagsLow: 0, checklistFlagsHigh: 0, dateCompleted: BigInt(Math.floor(e.earnedAt.getTime() / SECOND)) },
      ],
    });
  },
  // No packet of its own: the client learns a path level through the rewards and titles it brings.
  "path.level-changed": () => undefined,
  "inventory.changed": ({ to }, e) => {
    to.character(e.characterId)?.send(ServerInventoryUpdate, { itemId: e.itemId, count: e.count });
  },
  // The kill is seen through its rewards (reputation, titles), which are events of their own.
  "creature.killed": () => undefined,
  "experience.gained": ({ to }, e) => {
    // NexusForever (XpManager.GrantXp) leaves the target unit 0; no rested or signature bonus here.
    const reason = e.reason === "kill" ? EXP_REASON.KillCreature : e.reason === "quest" ? EXP_REASON.Quest : EXP_REASON.Cheat;
    to.character(e.characterId)?.send(ServerExperienceGained, { totalXpGained: e.amount, restXpAmount: 0, signatureXpAmount: 0, reason, unitTarget: 0 });
  },
  // The level is a stat of the player's unit (NexusForever XpManager.GrantLevel sets Stat.Level).
  "character.level-changed": ({ to }, e) => to.setLevel(e.characterId, e.level),
  "account.sessions-revoked": ({ to }, e) => {
    to.session(e.accountId)?.close({ reason: `sessions revoked: ${e.reason}`, violation: false });
  },
  "account.role-changed": ({ to }, e) => {
    const session = to.session(e.accountId);
    if (session) session.shownRole = e.role;
  },
  ...SOCIAL_EVENT_DELIVERY,
  ...STORE_EVENT_DELIVERY,
  ...COLLECTION_EVENT_DELIVERY,
};

/** Sends what one event means to whoever it concerns who is in the world. */
export function deliverEvent(ctx: DeliveryContext, event: GameEvent): void | Promise<void> {
  return (EVENT_DELIVERY[event.kind] as Deliver<typeof event.kind>)(ctx, event);
}
