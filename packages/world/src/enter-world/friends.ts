import { listFriends } from "@bezgelor/db";
import { ServerFriendshipInviteList, ServerFriendshipList } from "@bezgelor/protocol";
import { friendDataOf, inviteData } from "../game/friend-packets";
import type { HandlerContext } from "../handlers/types";

/**
 * Entering the world, friends: ServerFriendshipList (every entry, Ignore and Rival included) and
 * ServerFriendshipInviteList (the unexpired invites waiting for this character's answer). What
 * changed while the player was away is in them.
 */
export async function sendFriendsOnEnter({ session, services }: HandlerContext): Promise<void> {
  const now = new Date();
  const realmId = services.config.server.realmId;
  const list = await listFriends(services.db, { characterId: session.requireCharacter().id, now });
  session.send(ServerFriendshipList, { friends: list.entries.map((e) => friendDataOf(realmId, e)) });
  session.send(ServerFriendshipInviteList, { invites: list.incoming.map((i) => inviteData(realmId, i, now)) });
}
