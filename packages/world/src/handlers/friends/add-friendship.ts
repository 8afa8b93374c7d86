import { FRIENDSHIP_RESULT } from "@bezgelor/core";
import { addFriend } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { friendshipResultPacket } from "../../game/friend-packets";
import { friendsOptions } from "../../game/social-options";
import type { HandlerContext } from "../types";
import { withFriendshipResult } from "./friendship-refusal";

/**
 * Adds the character named `name` as `type` for the session's character (shared by
 * ClientFriendshipAddByName and ClientFriendshipAccountAddByIdentity): a Friend invite is
 * answered RequestSent (the invitee, online anywhere, gets ServerFriendshipInviteList through the
 * events; offline, on entering), Ignore and Rival (and a crossing invite that makes both
 * friends) arrive as ServerFriendshipAdd / TypeUpdate through the events; refusals are
 * ServerFriendshipResult with their FriendshipResult.
 */
export async function addFriendship(ctx: HandlerContext, name: string, type: number, note: string): Promise<void> {
  const { session, services } = ctx;
  await withFriendshipResult(ctx, async () => {
    const { result } = await addFriend(services.db, {
      ...playerActionOptions(ctx),
      characterId: session.requireCharacter().id,
      name,
      type,
      note,
      options: friendsOptions(services.config),
    });
    session.logger.info({ name, type, outcome: result.outcome }, "friendship add");
    if (result.outcome === "invited" || result.outcome === "invite-pending") session.deliver(friendshipResultPacket(FRIENDSHIP_RESULT.RequestSent));
  });
  await services.events.flush();
}
