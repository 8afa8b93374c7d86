// What the friend and mail events send to a player who is in the world, whichever process caused
// them: the genuine friendship and mail packets. Players who are not in the world get nothing
// now and the whole state (ServerFriendshipList, ServerFriendshipInviteList, ServerMailAvailable)
// when they next enter.
import { FRIENDSHIP_RESULT } from "@bezgelor/core";
import { listFriends, listMail, type GameEventKind, type GameEventOf } from "@bezgelor/db";
import {
  ServerFriendshipAdd,
  ServerFriendshipInviteList,
  ServerFriendshipInviteRemove,
  ServerFriendshipRemove,
  ServerFriendshipSetNote,
  ServerFriendshipTypeUpdate,
  ServerMailAvailable,
  ServerMailUnavailable,
} from "@bezgelor/protocol";
import { friendData, friendshipResultPacket, inviteData } from "../game/friend-packets";
import { mailEntry } from "../game/mail-packets";
import { systemMessage } from "../game/system-message";
import type { DeliveryContext } from "./deliver-event";

type SocialKind = Extract<GameEventKind, `friend.${string}` | `friendship.${string}` | `mail.${string}`>;
type Deliver<K extends SocialKind> = (ctx: DeliveryContext, event: GameEventOf<K>) => void | Promise<void>;

/** What the inviter is told when an invite ends without a friendship (an ignore reads as a refusal). */
const UNANSWERED = {
  declined: FRIENDSHIP_RESULT.RequestDenied,
  ignored: FRIENDSHIP_RESULT.RequestDenied,
  expired: FRIENDSHIP_RESULT.RequestTimedOut,
} as const;

/** The friend and mail event kinds and what they send. */
export const SOCIAL_EVENT_DELIVERY: { readonly [K in SocialKind]: Deliver<K> } = {
  // The invite as the list shows it (inviter's class and level), read now; gone already: nothing.
  "friend.invite-received": async ({ to, db, realmId }, e) => {
    const session = to.character(e.characterId);
    if (!session) return;
    const now = new Date();
    const invite = (await listFriends(db, { characterId: e.characterId, now })).incoming.find((i) => i.inviteId === e.inviteId);
    if (invite) session.send(ServerFriendshipInviteList, { invites: [inviteData(realmId, invite, now)] });
  },
  "friend.invite-removed": ({ to }, e) => {
    to.character(e.characterId)?.send(ServerFriendshipInviteRemove, { inviteId: e.inviteId });
  },
  // Accepted: ServerFriendshipAdd follows from friendship.added.
  "friend.invite-answered": ({ to }, e) => {
    if (e.answer === "accepted") return;
    to.character(e.characterId)?.deliver(friendshipResultPacket(UNANSWERED[e.answer]));
  },
  "friendship.added": ({ to, realmId }, e) => {
    to.character(e.characterId)?.send(ServerFriendshipAdd, { friend: friendData(realmId, e) });
  },
  // The event carries the entry as it is now; both packets make the client's copy match it.
  "friendship.changed": ({ to }, e) => {
    const session = to.character(e.characterId);
    session?.send(ServerFriendshipTypeUpdate, { friendshipId: e.friendshipId, type: e.type });
    session?.send(ServerFriendshipSetNote, { friendshipId: e.friendshipId, note: e.note });
  },
  "friendship.removed": ({ to }, e) => {
    to.character(e.characterId)?.send(ServerFriendshipRemove, { friendshipId: e.friendshipId });
  },
  // The mail as it is now (something may have been taken already); gone already: nothing.
  "mail.arrived": async ({ to, db, realmId }, e) => {
    const session = to.character(e.characterId);
    if (!session) return;
    const mail = (await listMail(db, { characterId: e.characterId })).find((m) => m.mailId === e.mailId);
    if (mail) session.send(ServerMailAvailable, { newMail: true, mails: [mailEntry(realmId, mail, new Date())] });
  },
  "mail.removed": ({ to }, e) => {
    to.character(e.characterId)?.send(ServerMailUnavailable, { mailId: e.mailId });
  },
  // The sender's purse shows the payment (currency.changed); the client has no mail packet for
  // it (NexusForever mails the sender instead), so a system line says who paid.
  "mail.cod-paid": ({ to }, e) => {
    const session = to.character(e.characterId);
    if (session) systemMessage(session, `${e.payerName} paid ${e.amount} cash on delivery for mail ${e.mailId}`);
  },
};
