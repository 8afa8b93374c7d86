// Friend list rules as functions of the two characters' entries toward each other. The db actions
// read those entries under a lock on both characters and apply what these functions decide.
// Behaviour follows NexusForever's newer friendship code (FriendInviteValidator, the invite
// response handler): Friend needs an invite the other accepts, Ignore and Rival are one-sided,
// FriendAndRival is the combination of Friend and Rival.
import type { Ok, Refused } from "../result";
import { unshownCharacter } from "../text/unshown-characters";
import { FRIENDSHIP_TYPE, type FriendshipResponse, type RequestableFriendshipType, type StoredFriendshipType } from "./friendship-codes";

/** Why adding someone is refused. */
export const FRIENDSHIP_REFUSAL = {
  CANNOT_INVITE_SELF: "cannot_invite_self",
  INVALID_TYPE: "invalid_type",
  /** You ignore them: unignore first (FriendshipResult PlayerOnIgnored). */
  TARGET_IGNORED: "target_ignored",
  /** They ignore you, or they are of the other faction (RequestDenied). */
  REQUEST_DENIED: "request_denied",
  ALREADY_FRIEND: "already_friend",
  ALREADY_IGNORED: "already_ignored",
  ALREADY_RIVAL: "already_rival",
  MAX_FRIENDS: "max_friends",
  MAX_IGNORED: "max_ignored",
  MAX_RIVALS: "max_rivals",
  /** The other player has too many invites waiting (PlayerQueuedRequests). */
  QUEUED_REQUESTS: "queued_requests",
  INVALID_NOTE: "invalid_note",
} as const;

/** One of the {@link FRIENDSHIP_REFUSAL} values. */
export type FriendshipRefusalReason = (typeof FRIENDSHIP_REFUSAL)[keyof typeof FRIENDSHIP_REFUSAL];

/** How many entries of each kind a character may have, and invites a character may have waiting. */
export interface FriendshipLimits {
  maxFriends: number;
  maxIgnored: number;
  maxRivals: number;
  /** Invites waiting for one character's answer. */
  maxPendingInvites: number;
}

/** How many entries of each kind a character has (FriendAndRival counts as a friend and a rival). */
export interface FriendshipCounts {
  friends: number;
  ignored: number;
  rivals: number;
}

/** What the adding character and the target look like to each other right now. */
export interface FriendshipAddState {
  selfId: number;
  targetId: number;
  selfFaction: number;
  targetFaction: number;
  /** The adder's entry for the target, if any. */
  mine: StoredFriendshipType | null;
  /** The target's entry for the adder, if any. */
  theirs: StoredFriendshipType | null;
  /** The adder's counts. */
  counts: FriendshipCounts;
  /** Unexpired invites waiting for the target's answer. */
  targetPendingInvites: number;
  /** An unexpired invite from the adder to the target exists. */
  inviteSent: boolean;
  /** An unexpired invite from the target to the adder exists. */
  inviteReceived: boolean;
  limits: FriendshipLimits;
}

/** What adding someone does, when allowed. */
export type FriendshipAddEffect =
  /** Friend: send an invite the target answers. */
  | { kind: "invite" }
  /** Friend, and the target already invited the adder: both become friends now. */
  | { kind: "accept-theirs" }
  /** Friend, and the adder's invite is still waiting: nothing changes. */
  | { kind: "invite-pending" }
  /** Ignore or Rival: the adder's entry becomes `type` at once. */
  | { kind: "set"; type: StoredFriendshipType };

/** The decision of {@link decideFriendshipAdd}. */
export type FriendshipAddDecision = Ok<{ effect: FriendshipAddEffect }> | Refused<FriendshipRefusalReason>;

/** True for entries that make the owner a friend of the other (Friend, FriendAndRival). */
export function isFriendType(type: StoredFriendshipType | null): boolean {
  return type === FRIENDSHIP_TYPE.Friend || type === FRIENDSHIP_TYPE.FriendAndRival;
}

/** True for entries that make the owner a rival of the other (Rival, FriendAndRival). */
export function isRivalType(type: StoredFriendshipType | null): boolean {
  return type === FRIENDSHIP_TYPE.Rival || type === FRIENDSHIP_TYPE.FriendAndRival;
}

/**
 * The entry after adding `added` to `current`: Friend plus Rival is FriendAndRival, Ignore
 * replaces whatever was there (an ignored player is nobody's friend or rival).
 */
export function combineFriendshipTypes(current: StoredFriendshipType | null, added: RequestableFriendshipType): StoredFriendshipType {
  if (added === FRIENDSHIP_TYPE.Ignore || current === null || current === FRIENDSHIP_TYPE.Ignore) return added;
  if (added === FRIENDSHIP_TYPE.Friend) return isRivalType(current) ? FRIENDSHIP_TYPE.FriendAndRival : FRIENDSHIP_TYPE.Friend;
  return isFriendType(current) ? FRIENDSHIP_TYPE.FriendAndRival : FRIENDSHIP_TYPE.Rival;
}

/**
 * The entry after removing `removed` from `current`: null when nothing is left, undefined when
 * `current` does not have `removed` (PlayerNotFriend, PlayerNotIgnored, PlayerNotRival).
 */
export function removeFriendshipType(current: StoredFriendshipType | null, removed: RequestableFriendshipType): StoredFriendshipType | null | undefined {
  switch (removed) {
    case FRIENDSHIP_TYPE.Ignore:
      return current === FRIENDSHIP_TYPE.Ignore ? null : undefined;
    case FRIENDSHIP_TYPE.Friend:
      if (!isFriendType(current)) return undefined;
      return current === FRIENDSHIP_TYPE.FriendAndRival ? FRIENDSHIP_TYPE.Rival : null;
    case FRIENDSHIP_TYPE.Rival:
      if (!isRivalType(current)) return undefined;
      return current === FRIENDSHIP_TYPE.FriendAndRival ? FRIENDSHIP_TYPE.Friend : null;
  }
}

const refuse = (reason: FriendshipRefusalReason): Refused<FriendshipRefusalReason> => ({ ok: false, reason });
const allow = (effect: FriendshipAddEffect): FriendshipAddDecision => ({ ok: true, effect });

/**
 * Decides what adding `target` as `type` does, in NexusForever's order of checks: self, type,
 * faction, the adder's own entry, limits, then the target's side (their ignore, their queue).
 * `type` is the raw value the client sent (Account and unknown values are refused).
 */
export function decideFriendshipAdd(state: FriendshipAddState, type: number): FriendshipAddDecision {
  if (state.selfId === state.targetId) return refuse(FRIENDSHIP_REFUSAL.CANNOT_INVITE_SELF);
  if (type !== FRIENDSHIP_TYPE.Friend && type !== FRIENDSHIP_TYPE.Ignore && type !== FRIENDSHIP_TYPE.Rival) return refuse(FRIENDSHIP_REFUSAL.INVALID_TYPE);
  const { mine, counts, limits } = state;
  if (type === FRIENDSHIP_TYPE.Ignore) {
    if (mine === FRIENDSHIP_TYPE.Ignore) return refuse(FRIENDSHIP_REFUSAL.ALREADY_IGNORED);
    if (counts.ignored >= limits.maxIgnored) return refuse(FRIENDSHIP_REFUSAL.MAX_IGNORED);
    return allow({ kind: "set", type: FRIENDSHIP_TYPE.Ignore });
  }
  if (mine === FRIENDSHIP_TYPE.Ignore) return refuse(FRIENDSHIP_REFUSAL.TARGET_IGNORED);
  if (type === FRIENDSHIP_TYPE.Rival) {
    if (isRivalType(mine)) return refuse(FRIENDSHIP_REFUSAL.ALREADY_RIVAL);
    if (counts.rivals >= limits.maxRivals) return refuse(FRIENDSHIP_REFUSAL.MAX_RIVALS);
    return allow({ kind: "set", type: combineFriendshipTypes(mine, FRIENDSHIP_TYPE.Rival) });
  }
  if (state.selfFaction !== state.targetFaction) return refuse(FRIENDSHIP_REFUSAL.REQUEST_DENIED);
  if (isFriendType(mine)) return refuse(FRIENDSHIP_REFUSAL.ALREADY_FRIEND);
  if (counts.friends >= limits.maxFriends) return refuse(FRIENDSHIP_REFUSAL.MAX_FRIENDS);
  if (state.theirs === FRIENDSHIP_TYPE.Ignore) return refuse(FRIENDSHIP_REFUSAL.REQUEST_DENIED);
  if (state.inviteReceived) return allow({ kind: "accept-theirs" });
  if (state.inviteSent) return allow({ kind: "invite-pending" });
  if (state.targetPendingInvites >= limits.maxPendingInvites) return refuse(FRIENDSHIP_REFUSAL.QUEUED_REQUESTS);
  return allow({ kind: "invite" });
}

/** What answering an invite does to the two entries. */
export interface InviteResponseEffect {
  /** The inviter's entry for the invitee afterwards (unchanged when equal to before). */
  inviter: StoredFriendshipType | null;
  /** The invitee's entry for the inviter afterwards. */
  invitee: StoredFriendshipType | null;
  /** Whether the two became friends. */
  friends: boolean;
}

/**
 * What a response does. Accept and Mutual both make the friendship mutual: issue 10 asks that a
 * friendship be mutual once accepted (NexusForever's newer code adds only the inviter's entry on
 * Accept; we deliberately do not, so nobody lists a friend who does not list them back).
 * Decline changes no entry; Ignore makes the invitee ignore the inviter (ending any friendship).
 */
export function inviteResponseEffect(
  response: FriendshipResponse,
  inviter: StoredFriendshipType | null,
  invitee: StoredFriendshipType | null,
): InviteResponseEffect {
  switch (response) {
    case 0:
    case 1:
      return {
        inviter: combineFriendshipTypes(inviter, FRIENDSHIP_TYPE.Friend),
        invitee: combineFriendshipTypes(invitee, FRIENDSHIP_TYPE.Friend),
        friends: true,
      };
    case 2:
      return { inviter, invitee, friends: false };
    case 3:
      return {
        inviter: isFriendType(inviter) ? (removeFriendshipType(inviter, FRIENDSHIP_TYPE.Friend) ?? null) : inviter,
        invitee: FRIENDSHIP_TYPE.Ignore,
        friends: false,
      };
  }
}

/** Longest friend or invite note we store, in characters (the client's own limit is not known). */
export const MAX_FRIENDSHIP_NOTE_LENGTH = 64;

/**
 * True when `note` is a note we store: up to {@link MAX_FRIENDSHIP_NOTE_LENGTH} characters, one
 * line, nothing chat would refuse (a control character, C1 included, or a bidirectional override:
 * `unshownCharacter`), as an invite's note is shown to the player invited.
 */
export function isValidFriendshipNote(note: string): boolean {
  return [...note].length <= MAX_FRIENDSHIP_NOTE_LENGTH && unshownCharacter(note) === undefined;
}

/** When an invite sent at `now` expires. */
export function friendInviteExpiresAt(now: Date, lifetimeSeconds: number): Date {
  return new Date(now.getTime() + lifetimeSeconds * 1000);
}

/** The decision of {@link decideInviteResponse}. */
export type InviteResponseDecision = Ok<{ effect: InviteResponseEffect }> | Refused<FriendshipRefusalReason>;

/**
 * Decides an answer to an invite against the limits as they are now (a lot can change while an
 * invite waits): becoming friends needs room on both lists, ignoring needs room on the invitee's.
 */
export function decideInviteResponse(options: {
  response: FriendshipResponse;
  inviter: StoredFriendshipType | null;
  invitee: StoredFriendshipType | null;
  inviterCounts: FriendshipCounts;
  inviteeCounts: FriendshipCounts;
  limits: FriendshipLimits;
}): InviteResponseDecision {
  const { response, inviter, invitee, inviterCounts, inviteeCounts, limits } = options;
  const effect = inviteResponseEffect(response, inviter, invitee);
  if (effect.friends) {
    const full = (entry: StoredFriendshipType | null, counts: FriendshipCounts) => !isFriendType(entry) && counts.friends >= limits.maxFriends;
    if (full(inviter, inviterCounts) || full(invitee, inviteeCounts)) return refuse(FRIENDSHIP_REFUSAL.MAX_FRIENDS);
  }
  if (effect.invitee === FRIENDSHIP_TYPE.Ignore && invitee !== FRIENDSHIP_TYPE.Ignore && inviteeCounts.ignored >= limits.maxIgnored) {
    return refuse(FRIENDSHIP_REFUSAL.MAX_IGNORED);
  }
  return { ok: true, effect };
}
