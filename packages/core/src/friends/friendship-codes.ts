// The client's friendship enums, as NexusForever's newer friendship code declares them
// (Source/NexusForever.Game.Static/Friendship/FriendshipType.cs, FriendshipResponse.cs,
// FriendshipResult.cs; see also /work/shared/reference/protocol-next.md section 2g).

/** FriendshipType (u4 on the wire). Friend and Ignore come from the client; Rival is one-sided. */
export const FRIENDSHIP_TYPE = {
  Friend: 0,
  Ignore: 1,
  Rival: 3,
  /** A friend who is also a rival: stored as one entry, as the client shows it. */
  FriendAndRival: 4,
  /** Account-wide friends use their own packets (0x0397-0x03B2) and are not character friendships. */
  Account: 8,
} as const;

/** One of the {@link FRIENDSHIP_TYPE} values. */
export type FriendshipType = (typeof FRIENDSHIP_TYPE)[keyof typeof FRIENDSHIP_TYPE];

/** The types a character's friend list stores. */
export const STORED_FRIENDSHIP_TYPES = [FRIENDSHIP_TYPE.Friend, FRIENDSHIP_TYPE.Ignore, FRIENDSHIP_TYPE.Rival, FRIENDSHIP_TYPE.FriendAndRival] as const;

/** A type a friend list entry can have. */
export type StoredFriendshipType = (typeof STORED_FRIENDSHIP_TYPES)[number];

/** The types a player may ask for when adding someone (ClientFriendshipAddByName). */
export const REQUESTABLE_FRIENDSHIP_TYPES = [FRIENDSHIP_TYPE.Friend, FRIENDSHIP_TYPE.Ignore, FRIENDSHIP_TYPE.Rival] as const;

/** A type that can be added or removed on its own. */
export type RequestableFriendshipType = (typeof REQUESTABLE_FRIENDSHIP_TYPES)[number];

/** FriendshipResponse (u3 in ClientFriendshipInviteResponse 0x03BC). */
export const FRIENDSHIP_RESPONSE = {
  Mutual: 0,
  Accept: 1,
  Decline: 2,
  Ignore: 3,
} as const;

/** One of the {@link FRIENDSHIP_RESPONSE} values. */
export type FriendshipResponse = (typeof FRIENDSHIP_RESPONSE)[keyof typeof FRIENDSHIP_RESPONSE];

/** FriendshipResult (u6 in ServerFriendshipResult 0x03C4). */
export const FRIENDSHIP_RESULT = {
  PlayerNotFound: 0,
  RealmNotFound: 1,
  RequestDenied: 2,
  PlayerAlreadyFriend: 3,
  PlayerOffline: 4,
  FriendshipNotFound: 5,
  InvalidType: 6,
  RequestNotFound: 7,
  RequestTimedOut: 8,
  Busy: 9,
  InvalidNote: 10,
  MaxFriends: 11,
  MaxRivals: 12,
  MaxIgnored: 13,
  UnableToProcess: 14,
  PlayerNotFriend: 15,
  PlayerQueuedRequests: 16,
  RequestSent: 17,
  PlayerAlreadyRival: 18,
  PlayerAlreadyNeighbor: 19,
  PlayerAlreadyIgnored: 20,
  PlayerOnIgnored: 21,
  PlayerNotRival: 22,
  PlayerNotIgnored: 23,
  PlayerNotNeighbor: 24,
  PlayerNotOfThisRealm: 25,
  FriendsBlocked: 26,
  LocationsBusy: 28,
  CannotInviteSelf: 29,
  ThrottledRequest: 30,
  ContainsProfanity: 31,
  InvalidPublicNote: 32,
  InvalidDisplayName: 33,
  InvalidEmail: 34,
  InvalidInviteNote: 35,
  BlockedForStrangers: 36,
  InvalidAutoResponse: 37,
  TrialAccountDenied: 38,
  NameUnavailable: 39,
  PrivilegesSuspended: 40,
} as const;

/** One of the {@link FRIENDSHIP_RESULT} values. */
export type FriendshipResult = (typeof FRIENDSHIP_RESULT)[keyof typeof FRIENDSHIP_RESULT];
