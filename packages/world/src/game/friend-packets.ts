// The friend packets' values, built from the db's friend list and events in one place.
import { FRIENDSHIP_RESULT, type FriendshipResult } from "@bezgelor/core";
import type { FriendInviteEntry, FriendListEntry } from "@bezgelor/db";
import { ServerFriendshipInviteList, ServerFriendshipResult, type PacketValue } from "@bezgelor/protocol";
import { packet, type OutgoingPacket } from "../server/outgoing";
import { fitText } from "../server/fit-text";

const DAY_MS = 86_400_000;

/** FriendData (ServerFriendshipList, ServerFriendshipAdd) for one entry of a friend list. */
export function friendData(realmId: number, e: { friendshipId: bigint; otherCharacterId: number; note: string; type: number }) {
  return { friendshipId: e.friendshipId, identity: { realmId, characterId: BigInt(e.otherCharacterId) }, note: e.note, type: e.type };
}

/** FriendData for an entry as listFriends returns it. */
export function friendDataOf(realmId: number, e: FriendListEntry) {
  return friendData(realmId, { friendshipId: e.friendshipId, otherCharacterId: e.characterId, note: e.note, type: e.type });
}

type InviteValue = PacketValue<typeof ServerFriendshipInviteList>["invites"][number];

/**
 * One invite of ServerFriendshipInviteList: the inviter's identity, name, class and level, days
 * left. `seen` is 0 (the server does not track ClientFriendshipInviteMarkSeen) and `path` 0: the
 * server stores no character path yet (the character list sends 0 too).
 */
export function inviteData(realmId: number, invite: FriendInviteEntry, now: Date): InviteValue {
  return {
    inviteId: invite.inviteId,
    identity: { realmId, characterId: BigInt(invite.characterId) },
    seen: 0,
    expiryInDays: Math.max(0, (invite.expiresAt.getTime() - now.getTime()) / DAY_MS),
    note: invite.note,
    name: invite.name,
    class: invite.class,
    path: 0,
    level: Math.min(255, invite.level),
  };
}

const RESULT_NAMES = Object.fromEntries(Object.entries(FRIENDSHIP_RESULT).map(([name, code]) => [code, name])) as Record<number, string>;

/** The result's name as words ("PlayerAlreadyFriend" -> "Player already friend"), the line the client shows. */
export function friendshipResultText(result: FriendshipResult): string {
  const words = (RESULT_NAMES[result] ?? `Result ${result}`).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** ServerFriendshipResult with `result` and its text. */
export function friendshipResultPacket(result: FriendshipResult): OutgoingPacket {
  return packet(ServerFriendshipResult, { message: fitText(ServerFriendshipResult.fields.message, friendshipResultText(result)), result });
}
