import { FRIENDSHIP_RESULT } from "@bezgelor/core";
import { removeFriend } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import type { HandlerContext } from "../types";
import { refuseFriendship, withFriendshipResult } from "./friendship-refusal";

const REMOVABLE = [0, 1, 3] as const;
const isRemovable = (value: number): value is (typeof REMOVABLE)[number] => (REMOVABLE as readonly number[]).includes(value);

/**
 * Removes `type` (Friend 0, Ignore 1, Rival 3; anything else is InvalidType) from the session's
 * entry for `other` (shared by ClientFriendshipRemoveByIdentity and ByName). Removing a Friend
 * ends the friendship on both sides: ServerFriendshipRemove (or TypeUpdate, for a FriendAndRival)
 * to both, the other online anywhere or on their next login. Not of that type: PlayerNotFriend /
 * PlayerNotIgnored / PlayerNotRival; unknown character: PlayerNotFound.
 */
export async function removeFriendship(ctx: HandlerContext, other: { characterId: number } | { name: string }, type: number): Promise<void> {
  const { session, services } = ctx;
  if (!isRemovable(type)) {
    refuseFriendship(ctx, FRIENDSHIP_RESULT.InvalidType, "type cannot be removed", { type });
    return;
  }
  await withFriendshipResult(ctx, async () => {
    const { result } = await removeFriend(services.db, { ...playerActionOptions(ctx), characterId: session.requireCharacter().id, other, type });
    session.logger.info({ otherCharacterId: result.otherCharacterId, type, after: result.type }, "friendship removed");
  });
  await services.events.flush();
}
