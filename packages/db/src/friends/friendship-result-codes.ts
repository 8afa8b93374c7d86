import { FRIENDSHIP_RESULT, type FriendshipResult } from "@bezgelor/core";
import type { DbErrorCode } from "../errors.js";

/**
 * The genuine FriendshipResult (ServerFriendshipResult 0x03C4, u6) for each DbError the friend
 * actions throw; anything else is UnableToProcess. The one table the world maps refusals with.
 */
export const FRIENDSHIP_RESULT_BY_ERROR: Readonly<Partial<Record<DbErrorCode, FriendshipResult>>> = {
  CHARACTER_NOT_FOUND: FRIENDSHIP_RESULT.PlayerNotFound,
  FRIEND_CANNOT_INVITE_SELF: FRIENDSHIP_RESULT.CannotInviteSelf,
  FRIEND_INVALID_TYPE: FRIENDSHIP_RESULT.InvalidType,
  FRIEND_TARGET_IGNORED: FRIENDSHIP_RESULT.PlayerOnIgnored,
  FRIEND_REQUEST_DENIED: FRIENDSHIP_RESULT.RequestDenied,
  FRIEND_ALREADY_FRIEND: FRIENDSHIP_RESULT.PlayerAlreadyFriend,
  FRIEND_ALREADY_IGNORED: FRIENDSHIP_RESULT.PlayerAlreadyIgnored,
  FRIEND_ALREADY_RIVAL: FRIENDSHIP_RESULT.PlayerAlreadyRival,
  FRIEND_MAX_FRIENDS: FRIENDSHIP_RESULT.MaxFriends,
  FRIEND_MAX_IGNORED: FRIENDSHIP_RESULT.MaxIgnored,
  FRIEND_MAX_RIVALS: FRIENDSHIP_RESULT.MaxRivals,
  FRIEND_QUEUED_REQUESTS: FRIENDSHIP_RESULT.PlayerQueuedRequests,
  FRIEND_INVALID_NOTE: FRIENDSHIP_RESULT.InvalidNote,
  FRIEND_REQUEST_NOT_FOUND: FRIENDSHIP_RESULT.RequestNotFound,
  FRIEND_REQUEST_TIMED_OUT: FRIENDSHIP_RESULT.RequestTimedOut,
  FRIENDSHIP_NOT_FOUND: FRIENDSHIP_RESULT.FriendshipNotFound,
  FRIEND_NOT_FRIEND: FRIENDSHIP_RESULT.PlayerNotFriend,
  FRIEND_NOT_IGNORED: FRIENDSHIP_RESULT.PlayerNotIgnored,
  FRIEND_NOT_RIVAL: FRIENDSHIP_RESULT.PlayerNotRival,
};

/** The FriendshipResult for a DbError code (UnableToProcess for codes without their own). */
export function friendshipResultFor(code: DbErrorCode): FriendshipResult {
  return FRIENDSHIP_RESULT_BY_ERROR[code] ?? FRIENDSHIP_RESULT.UnableToProcess;
}
