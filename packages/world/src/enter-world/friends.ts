import { listFriends } from "@bezgelor/db";
import { ServerFriendshipInviteList, ServerFriendshipList } from "@bezgelor/protocol";
import { friendDataOf, inviteData } from "../game/friend-packets";
import { enterWorldStep } from "./step";

/**
 * Friends: ServerFriendshipList (every entry, Ignore and Rival included) and
 * ServerFriendshipInviteList (the unexpired invites waiting for this character's answer). What
 * changed while the player was away is in them.
 */
export const friends = enterWorldStep({
  name: "friends",
  load: ({ services, characterId, now }) => listFriends(services.db, { characterId, now }),
  send({ session, services, now }, list) {
    const realmId = services.config.server.realmId;
    session.send(ServerFriendshipList, { friends: list.entries.map((e) => friendDataOf(realmId, e)) });
    session.send(ServerFriendshipInviteList, { invites: list.incoming.map((i) => inviteData(realmId, i, now)) });
  },
});
