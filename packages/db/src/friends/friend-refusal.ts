import { FRIENDSHIP_TYPE, removeFriendshipType, type FriendshipRefusalReason, type StoredFriendshipType } from "@bezgelor/core";
import type { ActionContext } from "../actions/action.js";
import { DB_ERROR_CODES, DbError, type DbErrorCode } from "../errors.js";
import { closeInvite, readEntry, readInvite, writeEntry, type FriendCharacter, type FriendEntry } from "./friend-entries.js";

const CODE_BY_REASON: Record<FriendshipRefusalReason, DbErrorCode> = {
  cannot_invite_self: DB_ERROR_CODES.FRIEND_CANNOT_INVITE_SELF,
  invalid_type: DB_ERROR_CODES.FRIEND_INVALID_TYPE,
  target_ignored: DB_ERROR_CODES.FRIEND_TARGET_IGNORED,
  request_denied: DB_ERROR_CODES.FRIEND_REQUEST_DENIED,
  already_friend: DB_ERROR_CODES.FRIEND_ALREADY_FRIEND,
  already_ignored: DB_ERROR_CODES.FRIEND_ALREADY_IGNORED,
  already_rival: DB_ERROR_CODES.FRIEND_ALREADY_RIVAL,
  max_friends: DB_ERROR_CODES.FRIEND_MAX_FRIENDS,
  max_ignored: DB_ERROR_CODES.FRIEND_MAX_IGNORED,
  max_rivals: DB_ERROR_CODES.FRIEND_MAX_RIVALS,
  queued_requests: DB_ERROR_CODES.FRIEND_QUEUED_REQUESTS,
  invalid_note: DB_ERROR_CODES.FRIEND_INVALID_NOTE,
};

/** The DbError for a core friendship refusal. */
export function friendRefusal(reason: FriendshipRefusalReason, message: string, details: Record<string, unknown>): DbError {
  return new DbError(CODE_BY_REASON[reason], message, { details: { ...details, reason } });
}

/**
 * `owner` ignores `other` (with `note`, if given): the owner's entry becomes Ignore, the other loses the owner as a
 * friend (a Rival entry stays), and invites between them in either direction are withdrawn.
 */
export async function applyIgnore(ctx: ActionContext, owner: FriendCharacter, other: FriendCharacter, note?: string): Promise<FriendEntry> {
  const entry = (await writeEntry(ctx, owner, other, FRIENDSHIP_TYPE.Ignore, note))!;
  const theirs = await readEntry(ctx.tx, other.id, owner.id);
  if (theirs && (theirs.type === FRIENDSHIP_TYPE.Friend || theirs.type === FRIENDSHIP_TYPE.FriendAndRival)) {
    await writeEntry(ctx, other, owner, removeFriendshipType(theirs.type, FRIENDSHIP_TYPE.Friend) as StoredFriendshipType | null);
  }
  const received = await readInvite(ctx.tx, other.id, owner.id);
  if (received) await closeInvite(ctx, received, other, owner, "ignored");
  const sent = await readInvite(ctx.tx, owner.id, other.id);
  if (sent) await closeInvite(ctx, sent, owner, other, "ignored");
  return entry;
}
