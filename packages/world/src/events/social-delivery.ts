// What the friend and mail events tell a player who is in the world. Until the genuine friendship
// and mail packets land (issue 10, second phase), each event is told as a system line in chat;
// everything is also in the database, so the lists and the mailbox are right on the next login.
import type { GameEventKind, GameEventOf } from "@bezgelor/db";
import { systemMessage } from "../game/system-message";
import type { DeliveryContext } from "./deliver-event";

type SocialKind = Extract<GameEventKind, `friend.${string}` | `friendship.${string}` | `mail.${string}`>;
type Deliver<K extends SocialKind> = (ctx: DeliveryContext, event: GameEventOf<K>) => void;

const TYPE_NAMES: Readonly<Record<number, string>> = { 0: "friend", 1: "ignored", 3: "rival", 4: "friend and rival" };
const typeName = (type: number) => TYPE_NAMES[type] ?? `type ${type}`;

function tell(ctx: DeliveryContext, characterId: number, text: string): void {
  const session = ctx.to.character(characterId);
  if (session) systemMessage(session, text);
}

/** The friend and mail event kinds and what they send. */
export const SOCIAL_EVENT_DELIVERY: { readonly [K in SocialKind]: Deliver<K> } = {
  "friend.invite-received": (ctx, e) => tell(ctx, e.characterId, `${e.inviterName} wants to be your friend${e.note ? `: ${e.note}` : ""}`),
  "friend.invite-removed": (ctx, e) => {
    if (e.reason === "expired") tell(ctx, e.characterId, "A friend request expired");
  },
  "friend.invite-answered": (ctx, e) => tell(ctx, e.characterId, `${e.inviteeName}: friend request ${e.answer}`),
  "friendship.added": (ctx, e) => tell(ctx, e.characterId, `${e.otherName} added to your list as ${typeName(e.type)}`),
  "friendship.changed": (ctx, e) => tell(ctx, e.characterId, `Friend list entry ${e.friendshipId} is now ${typeName(e.type)}`),
  "friendship.removed": (ctx, e) => tell(ctx, e.characterId, `Friend list entry ${e.friendshipId} removed`),
  "mail.arrived": (ctx, e) => tell(ctx, e.characterId, e.reason === "returned" ? `Mail returned by ${e.senderName}: ${e.subject}` : `New mail from ${e.senderName}: ${e.subject}`),
  "mail.removed": (ctx, e) => {
    if (e.reason === "expired") tell(ctx, e.characterId, `Mail ${e.mailId} expired; what it held is yours`);
  },
  "mail.cod-paid": (ctx, e) => tell(ctx, e.characterId, `${e.payerName} paid ${e.amount} gold cash on delivery`),
};
