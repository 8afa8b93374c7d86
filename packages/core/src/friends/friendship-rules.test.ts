import { describe, expect, it } from "vitest";
import {
  FRIENDSHIP_RESPONSE as R,
  FRIENDSHIP_TYPE as T,
  combineFriendshipTypes,
  decideFriendshipAdd,
  decideInviteResponse,
  isValidFriendshipNote,
  removeFriendshipType,
  type FriendshipAddState,
} from "../index";

const limits = { maxFriends: 2, maxIgnored: 2, maxRivals: 2, maxPendingInvites: 2 };
const none = { friends: 0, ignored: 0, rivals: 0 };

function state(overrides: Partial<FriendshipAddState> = {}): FriendshipAddState {
  return {
    selfId: 1,
    targetId: 2,
    selfFaction: 166,
    targetFaction: 166,
    mine: null,
    theirs: null,
    counts: none,
    targetPendingInvites: 0,
    inviteSent: false,
    inviteReceived: false,
    limits,
    ...overrides,
  };
}

const reason = (s: Partial<FriendshipAddState>, type: number) => {
  const d = decideFriendshipAdd(state(s), type);
  return d.ok ? d.effect : d.reason;
};

describe("decideFriendshipAdd", () => {
  it("invites for Friend and sets Ignore and Rival at once", () => {
    expect(reason({}, T.Friend)).toEqual({ kind: "invite" });
    expect(reason({}, T.Ignore)).toEqual({ kind: "set", type: T.Ignore });
    expect(reason({}, T.Rival)).toEqual({ kind: "set", type: T.Rival });
    expect(reason({ mine: T.Friend }, T.Rival)).toEqual({ kind: "set", type: T.FriendAndRival });
    expect(reason({ mine: T.FriendAndRival }, T.Ignore)).toEqual({ kind: "set", type: T.Ignore });
  });

  it("accepts the other's waiting invite instead of crossing it, and does not repeat its own", () => {
    expect(reason({ inviteReceived: true }, T.Friend)).toEqual({ kind: "accept-theirs" });
    expect(reason({ inviteSent: true }, T.Friend)).toEqual({ kind: "invite-pending" });
  });

  it("refuses with the genuine reasons", () => {
    expect(reason({ targetId: 1 }, T.Friend)).toBe("cannot_invite_self");
    expect(reason({}, T.Account)).toBe("invalid_type");
    expect(reason({}, T.FriendAndRival)).toBe("invalid_type");
    expect(reason({}, 2)).toBe("invalid_type");
    expect(reason({ mine: T.Ignore }, T.Friend)).toBe("target_ignored");
    expect(reason({ mine: T.Ignore }, T.Rival)).toBe("target_ignored");
    expect(reason({ theirs: T.Ignore }, T.Friend)).toBe("request_denied");
    expect(reason({ targetFaction: 167 }, T.Friend)).toBe("request_denied");
    expect(reason({ mine: T.Friend }, T.Friend)).toBe("already_friend");
    expect(reason({ mine: T.FriendAndRival }, T.Friend)).toBe("already_friend");
    expect(reason({ mine: T.Ignore }, T.Ignore)).toBe("already_ignored");
    expect(reason({ mine: T.FriendAndRival }, T.Rival)).toBe("already_rival");
    expect(reason({ counts: { ...none, friends: 2 } }, T.Friend)).toBe("max_friends");
    expect(reason({ counts: { ...none, ignored: 2 } }, T.Ignore)).toBe("max_ignored");
    expect(reason({ counts: { ...none, rivals: 2 } }, T.Rival)).toBe("max_rivals");
    expect(reason({ targetPendingInvites: 2 }, T.Friend)).toBe("queued_requests");
  });

  it("lets anyone be ignored, whatever they think of you", () => {
    expect(reason({ theirs: T.Ignore, targetFaction: 167 }, T.Ignore)).toEqual({ kind: "set", type: T.Ignore });
  });
});

describe("combining and removing types", () => {
  it("combines Friend and Rival, and Ignore replaces both", () => {
    expect(combineFriendshipTypes(null, T.Friend)).toBe(T.Friend);
    expect(combineFriendshipTypes(T.Rival, T.Friend)).toBe(T.FriendAndRival);
    expect(combineFriendshipTypes(T.Ignore, T.Rival)).toBe(T.Rival);
    expect(combineFriendshipTypes(T.FriendAndRival, T.Ignore)).toBe(T.Ignore);
  });

  it("removes one part, or says it was not there", () => {
    expect(removeFriendshipType(T.FriendAndRival, T.Friend)).toBe(T.Rival);
    expect(removeFriendshipType(T.FriendAndRival, T.Rival)).toBe(T.Friend);
    expect(removeFriendshipType(T.Friend, T.Friend)).toBeNull();
    expect(removeFriendshipType(T.Ignore, T.Ignore)).toBeNull();
    expect(removeFriendshipType(T.Rival, T.Friend)).toBeUndefined();
    expect(removeFriendshipType(null, T.Ignore)).toBeUndefined();
    expect(removeFriendshipType(T.Friend, T.Rival)).toBeUndefined();
  });
});

describe("decideInviteResponse", () => {
  const base = { inviter: null, invitee: null, inviterCounts: none, inviteeCounts: none, limits };

  it("makes both friends on Accept and Mutual", () => {
    for (const response of [R.Accept, R.Mutual]) {
      expect(decideInviteResponse({ ...base, response })).toEqual({ ok: true, effect: { inviter: T.Friend, invitee: T.Friend, friends: true } });
    }
    expect(decideInviteResponse({ ...base, response: R.Accept, inviter: T.Rival })).toMatchObject({ effect: { inviter: T.FriendAndRival } });
  });

  it("changes nothing on Decline, and makes the invitee ignore the inviter on Ignore", () => {
    expect(decideInviteResponse({ ...base, response: R.Decline, inviter: T.Rival })).toEqual({
      ok: true,
      effect: { inviter: T.Rival, invitee: null, friends: false },
    });
    expect(decideInviteResponse({ ...base, response: R.Ignore })).toEqual({ ok: true, effect: { inviter: null, invitee: T.Ignore, friends: false } });
  });

  it("refuses when either list is full", () => {
    const full = { ...none, friends: 2 };
    expect(decideInviteResponse({ ...base, response: R.Accept, inviterCounts: full })).toEqual({ ok: false, reason: "max_friends" });
    expect(decideInviteResponse({ ...base, response: R.Mutual, inviteeCounts: full })).toEqual({ ok: false, reason: "max_friends" });
    expect(decideInviteResponse({ ...base, response: R.Ignore, inviteeCounts: { ...none, ignored: 2 } })).toEqual({ ok: false, reason: "max_ignored" });
    expect(decideInviteResponse({ ...base, response: R.Decline, inviteeCounts: full }).ok).toBe(true);
  });
});

it("accepts notes of up to 64 characters on one line", () => {
  expect(isValidFriendshipNote("")).toBe(true);
  expect(isValidFriendshipNote("é".repeat(64))).toBe(true);
  expect(isValidFriendshipNote("x".repeat(65))).toBe(false);
  expect(isValidFriendshipNote("a\nb")).toBe(false);
});

it("refuses notes holding what chat and mail refuse: C1 controls and bidirectional overrides and isolates", () => {
  for (const hidden of ["\u0085", "\u009b", "\u202a", "\u202e", "\u2066", "\u2069", "\u0007", "\t"]) {
    expect(isValidFriendshipNote(`see you${hidden}soon`), JSON.stringify(hidden)).toBe(false);
  }
  expect(isValidFriendshipNote("guildmate ✨ שלום 友達")).toBe(true);
});
