// Friends and ignore: every action, each refusal (nothing changed, no event), events for the
// other player whether online or not. Rules are unit-tested in core; here is what the database does.
import { FRIENDSHIP_RESPONSE as R, FRIENDSHIP_RESULT, FRIENDSHIP_TYPE as T } from "@bezgelor/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addFriend,
  areFriends,
  DB_ERROR_CODES,
  expireFriendInvites,
  FRIENDSHIP_RESULT_BY_ERROR,
  friendshipResultFor,
  isIgnoredBy,
  listFriends,
  removeFriend,
  respondToFriendInvite,
  setFriendNote,
  type ActionOptions,
  type Character,
  type Database,
  type DbErrorCode,
} from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions({ now: new Date("2026-11-30T12:00:00Z") });
});
afterAll(() => db.close());

const pair = async (): Promise<[Character, Character]> => [await makeCharacter(db.client), await makeCharacter(db.client)];
const later = (seconds: number) => new Date(opts.now!.getTime() + seconds * 1000);
const snapshot = async (...cs: Character[]) => {
  const ids = cs.map((c) => c.id);
  return {
    friendships: await db.client.characterFriendship.findMany({ where: { characterId: { in: ids } }, orderBy: { id: "asc" } }),
    invites: await db.client.friendInvite.findMany({
      where: { OR: [{ inviterCharacterId: { in: ids } }, { inviteeCharacterId: { in: ids } }] },
      orderBy: { id: "asc" },
    }),
    events: await db.client.gameEvent.count({ where: { characterId: { in: ids } } }),
  };
};
/** Expects `action` to be refused with `code` and to change nothing for these characters. */
async function refused(action: () => Promise<unknown>, code: DbErrorCode, ...cs: Character[]) {
  const before = await snapshot(...cs);
  await expectDbError(action(), code);
  expect(await snapshot(...cs)).toEqual(before);
}
const invite = async (a: Character, b: Character, note = "") => {
  const { result } = await addFriend(db.client, { ...opts, characterId: a.id, name: b.name, type: T.Friend, note });
  if (result.outcome !== "invited") throw new Error(`expected an invite, got ${result.outcome}`);
  return result.inviteId;
};
const types = async (owner: Character) => (await listFriends(db.client, { characterId: owner.id, now: opts.now! })).entries.map((e) => [e.characterId, e.type]);

describe("friend invites", () => {
  it("invite, accept: both lists get each other, with events for both", async () => {
    const [a, b] = await pair();
    const sent = await addFriend(db.client, { ...opts, characterId: a.id, name: b.name.toUpperCase(), type: T.Friend, note: "met in Thayd" });
    expect(sent.result).toMatchObject({ outcome: "invited", expiresAt: later(7 * 86_400) });
    expect(sent.events).toEqual([
      expect.objectContaining({ kind: "friend.invite-received", characterId: b.id, accountId: b.accountId, inviterName: a.name, note: "met in Thayd" }),
    ]);
    const listed = await listFriends(db.client, { characterId: b.id, now: opts.now! });
    expect(listed.incoming).toEqual([expect.objectContaining({ characterId: a.id, name: a.name, note: "met in Thayd" })]);
    expect((await listFriends(db.client, { characterId: a.id, now: opts.now! })).outgoing).toHaveLength(1);

    const inviteId = sent.result.outcome === "invited" ? sent.result.inviteId : 0n;
    const answered = await respondToFriendInvite(db.client, { ...opts, characterId: b.id, inviteId, response: R.Accept });
    expect(answered.result.friends).toBe(true);
    expect(answered.events.map((e) => [e.kind, e.characterId])).toEqual([
      ["friendship.added", a.id],
      ["friendship.added", b.id],
      ["friend.invite-removed", b.id],
      ["friend.invite-answered", a.id],
    ]);
    expect(await types(a)).toEqual([[b.id, T.Friend]]);
    expect(await types(b)).toEqual([[a.id, T.Friend]]);
    expect((await listFriends(db.client, { characterId: a.id, now: opts.now! })).entries[0]!.note).toBe("met in Thayd");
    expect(await areFriends(db.client, { characterId: a.id, otherCharacterId: b.id })).toBe(true);
    expect(await db.client.friendInvite.count({ where: { id: inviteId } })).toBe(0);
    // The events are in the outbox for b even though nobody is online.
    expect(await db.client.gameEvent.count({ where: { characterId: b.id, kind: "friendship.added" } })).toBe(1);
  });

  it("Mutual makes friends too; Decline drops the invite and changes no list", async () => {
    const [a, b] = await pair();
    await respondToFriendInvite(db.client, { ...opts, characterId: b.id, inviteId: await invite(a, b), response: R.Mutual });
    expect(await areFriends(db.client, { characterId: b.id, otherCharacterId: a.id })).toBe(true);
    const [c, d] = await pair();
    const declined = await respondToFriendInvite(db.client, { ...opts, characterId: d.id, inviteId: await invite(c, d), response: R.Decline });
    expect(declined.events.map((e) => e.kind)).toEqual(["friend.invite-removed", "friend.invite-answered"]);
    expect(declined.events[1]).toMatchObject({ answer: "declined" });
    expect(await types(c)).toEqual([]);
    expect(await types(d)).toEqual([]);
  });

  it("answering with Ignore ignores the inviter and blocks their next invite", async () => {
    const [a, b] = await pair();
    await respondToFriendInvite(db.client, { ...opts, characterId: b.id, inviteId: await invite(a, b), response: R.Ignore });
    expect(await types(b)).toEqual([[a.id, T.Ignore]]);
    expect(await isIgnoredBy(db.client, { characterId: a.id, otherCharacterId: b.id })).toBe(true);
    await refused(() => addFriend(db.client, { ...opts, characterId: a.id, name: b.name, type: T.Friend }), DB_ERROR_CODES.FRIEND_REQUEST_DENIED, a, b);
  });

  it("adding someone who invited you accepts their invite; asking twice changes nothing", async () => {
    const [a, b] = await pair();
    const inviteId = await invite(a, b);
    const again = await addFriend(db.client, { ...opts, characterId: a.id, name: b.name, type: T.Friend });
    expect(again).toMatchObject({ result: { outcome: "invite-pending", inviteId }, events: [] });
    const crossed = await addFriend(db.client, { ...opts, characterId: b.id, name: a.name, type: T.Friend });
    expect(crossed.result.outcome).toBe("friends");
    expect(await areFriends(db.client, { characterId: a.id, otherCharacterId: b.id })).toBe(true);
    expect(await db.client.friendInvite.count({ where: { inviterCharacterId: { in: [a.id, b.id] } } })).toBe(0);
  });

  it("invites expire: refused when answered late, hidden from lists, swept with events", async () => {
    const [a, b] = await pair();
    const inviteId = await invite(a, b);
    const late = { ...opts, now: later(7 * 86_400) };
    await refused(
      () => respondToFriendInvite(db.client, { ...late, characterId: b.id, inviteId, response: R.Accept }),
      DB_ERROR_CODES.FRIEND_REQUEST_TIMED_OUT,
      a,
      b,
    );
    expect((await listFriends(db.client, { characterId: b.id, now: late.now })).incoming).toEqual([]);
    const swept = await expireFriendInvites(db.client, { ...late, limit: 10_000 });
    expect(swept.result.expired).toBeGreaterThanOrEqual(1);
    expect(swept.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "friend.invite-removed", characterId: b.id, inviteId, reason: "expired" }),
        expect.objectContaining({ kind: "friend.invite-answered", characterId: a.id, inviteId, answer: "expired" }),
      ]),
    );
    expect((await expireFriendInvites(db.client, { ...late, limit: 10_000 })).result.expired).toBe(0);
    // A new invite after expiry is a new invite.
    await invite(a, b);
  });

  it("invite lifetime comes from the options", async () => {
    const [a, b] = await pair();
    const { result } = await addFriend(db.client, { ...opts, characterId: a.id, name: b.name, type: T.Friend, options: { inviteLifetimeSeconds: 60 } });
    expect(result).toMatchObject({ outcome: "invited", expiresAt: later(60) });
  });

  it("refuses answers to unknown invites or to someone else's", async () => {
    const [a, b] = await pair();
    const inviteId = await invite(a, b);
    await refused(
      () => respondToFriendInvite(db.client, { ...opts, characterId: a.id, inviteId, response: R.Accept }),
      DB_ERROR_CODES.FRIEND_REQUEST_NOT_FOUND,
      a,
      b,
    );
    await refused(
      () => respondToFriendInvite(db.client, { ...opts, characterId: b.id, inviteId: inviteId + 1_000_000n, response: R.Accept }),
      DB_ERROR_CODES.FRIEND_REQUEST_NOT_FOUND,
      a,
      b,
    );
  });
});

describe("refusals when adding", () => {
  it("each with its code, changing nothing", async () => {
    const [a, b] = await pair();
    const add = (type: number, who: Character = b, o: Partial<ActionOptions> & { options?: object; note?: string } = {}) =>
      addFriend(db.client, { ...opts, ...o, characterId: a.id, name: who.name, type });
    await refused(() => addFriend(db.client, { ...opts, characterId: a.id, name: "Nobodyhere", type: T.Friend }), DB_ERROR_CODES.CHARACTER_NOT_FOUND, a);
    await refused(() => add(T.Friend, a), DB_ERROR_CODES.FRIEND_CANNOT_INVITE_SELF, a);
    await refused(() => add(T.Account), DB_ERROR_CODES.FRIEND_INVALID_TYPE, a, b);
    await refused(() => add(T.FriendAndRival), DB_ERROR_CODES.FRIEND_INVALID_TYPE, a, b);
    await refused(() => add(T.Friend, b, { note: "x".repeat(65) }), DB_ERROR_CODES.FRIEND_INVALID_NOTE, a, b);
    // An invite's note is shown to the player invited: a right-to-left override would reorder it.
    await refused(() => add(T.Friend, b, { note: "see you \u202esoon" }), DB_ERROR_CODES.FRIEND_INVALID_NOTE, a, b);
    await refused(() => add(T.Friend, b, { options: { maxFriends: 0 } }), DB_ERROR_CODES.FRIEND_MAX_FRIENDS, a, b);
    await refused(() => add(T.Ignore, b, { options: { maxIgnored: 0 } }), DB_ERROR_CODES.FRIEND_MAX_IGNORED, a, b);
    await refused(() => add(T.Rival, b, { options: { maxRivals: 0 } }), DB_ERROR_CODES.FRIEND_MAX_RIVALS, a, b);
    const other = await makeCharacter(db.client, { faction: 167 });
    await refused(() => add(T.Friend, other), DB_ERROR_CODES.FRIEND_REQUEST_DENIED, a, other);

    await add(T.Rival);
    await refused(() => add(T.Rival), DB_ERROR_CODES.FRIEND_ALREADY_RIVAL, a, b);
    await add(T.Ignore);
    await refused(() => add(T.Ignore), DB_ERROR_CODES.FRIEND_ALREADY_IGNORED, a, b);
    await refused(() => add(T.Friend), DB_ERROR_CODES.FRIEND_TARGET_IGNORED, a, b);
  });

  it("refuses a friend already a friend, and a target with a full queue", async () => {
    const [a, b] = await pair();
    await respondToFriendInvite(db.client, { ...opts, characterId: b.id, inviteId: await invite(a, b), response: R.Accept });
    await refused(() => addFriend(db.client, { ...opts, characterId: a.id, name: b.name, type: T.Friend }), DB_ERROR_CODES.FRIEND_ALREADY_FRIEND, a, b);
    const c = await makeCharacter(db.client);
    await invite(c, b);
    const d = await makeCharacter(db.client);
    await refused(
      () => addFriend(db.client, { ...opts, characterId: d.id, name: b.name, type: T.Friend, options: { maxPendingInvites: 1 } }),
      DB_ERROR_CODES.FRIEND_QUEUED_REQUESTS,
      d,
      b,
    );
  });

  it("refuses acceptance when a list filled up while the invite waited", async () => {
    const [a, b] = await pair();
    const inviteId = await invite(a, b);
    await refused(
      () => respondToFriendInvite(db.client, { ...opts, characterId: b.id, inviteId, response: R.Accept, options: { maxFriends: 0 } }),
      DB_ERROR_CODES.FRIEND_MAX_FRIENDS,
      a,
      b,
    );
  });
});

describe("ignore, rival, remove and notes", () => {
  it("ignoring a friend ends the friendship on both sides and withdraws invites", async () => {
    const [a, b] = await pair();
    await respondToFriendInvite(db.client, { ...opts, characterId: b.id, inviteId: await invite(a, b), response: R.Accept });
    await addFriend(db.client, { ...opts, characterId: a.id, name: b.name, type: T.Rival });
    expect(await types(a)).toEqual([[b.id, T.FriendAndRival]]);
    const c = await makeCharacter(db.client);
    await invite(c, b);
    const ignored = await addFriend(db.client, { ...opts, characterId: b.id, name: a.name, type: T.Ignore });
    expect(ignored.result).toMatchObject({ outcome: "set", type: T.Ignore });
    expect(await types(b)).toEqual([[a.id, T.Ignore]]);
    expect(await types(a)).toEqual([[b.id, T.Rival]]);
    expect(ignored.events.map((e) => [e.kind, e.characterId])).toEqual([
      ["friendship.changed", b.id],
      ["friendship.changed", a.id],
    ]);
    // c's invite to b is untouched; ignoring c withdraws it.
    const ignoreC = await addFriend(db.client, { ...opts, characterId: b.id, name: c.name, type: T.Ignore });
    expect(ignoreC.events.map((e) => e.kind)).toEqual(["friendship.added", "friend.invite-removed", "friend.invite-answered"]);
    expect(await db.client.friendInvite.count({ where: { inviterCharacterId: c.id } })).toBe(0);
  });

  it("removes one type at a time; removing a friend removes both sides", async () => {
    const [a, b] = await pair();
    await respondToFriendInvite(db.client, { ...opts, characterId: b.id, inviteId: await invite(a, b), response: R.Accept });
    await addFriend(db.client, { ...opts, characterId: b.id, name: a.name, type: T.Rival });
    await refused(
      () => removeFriend(db.client, { ...opts, characterId: a.id, other: { characterId: b.id }, type: T.Rival }),
      DB_ERROR_CODES.FRIEND_NOT_RIVAL,
      a,
      b,
    );
    await refused(
      () => removeFriend(db.client, { ...opts, characterId: a.id, other: { name: b.name }, type: T.Ignore }),
      DB_ERROR_CODES.FRIEND_NOT_IGNORED,
      a,
      b,
    );
    const removed = await removeFriend(db.client, { ...opts, characterId: a.id, other: { name: b.name }, type: T.Friend });
    expect(removed.result).toEqual({ otherCharacterId: b.id, type: null });
    expect(removed.events.map((e) => [e.kind, e.characterId])).toEqual([
      ["friendship.removed", a.id],
      ["friendship.changed", b.id],
    ]);
    expect(await types(a)).toEqual([]);
    expect(await types(b)).toEqual([[a.id, T.Rival]]);
    await refused(
      () => removeFriend(db.client, { ...opts, characterId: a.id, other: { characterId: b.id }, type: T.Friend }),
      DB_ERROR_CODES.FRIEND_NOT_FRIEND,
      a,
      b,
    );
    await removeFriend(db.client, { ...opts, characterId: b.id, other: { characterId: a.id }, type: T.Rival });
    expect(await types(b)).toEqual([]);
  });

  it("sets notes on the owner's entry only", async () => {
    const [a, b] = await pair();
    await refused(
      () => setFriendNote(db.client, { ...opts, characterId: a.id, otherCharacterId: b.id, note: "hi" }),
      DB_ERROR_CODES.FRIENDSHIP_NOT_FOUND,
      a,
      b,
    );
    await addFriend(db.client, { ...opts, characterId: a.id, name: b.name, type: T.Rival });
    await refused(
      () => setFriendNote(db.client, { ...opts, characterId: a.id, otherCharacterId: b.id, note: "a\tb" }),
      DB_ERROR_CODES.FRIEND_INVALID_NOTE,
      a,
      b,
    );
    const set = await setFriendNote(db.client, { ...opts, characterId: a.id, otherCharacterId: b.id, note: "arena nemesis" });
    expect(set.events).toEqual([expect.objectContaining({ kind: "friendship.changed", characterId: a.id, note: "arena nemesis", type: T.Rival })]);
    expect((await listFriends(db.client, { characterId: a.id })).entries[0]).toMatchObject({ note: "arena nemesis", name: b.name });
  });

  it("leaves nothing when a fault is injected after the decision", async () => {
    const [a, b] = await pair();
    const faults = (step: string) => {
      if (step === "events") throw new Error("injected");
    };
    await refused(() => addFriend(db.client, { ...opts, faults, characterId: a.id, name: b.name, type: T.Ignore }), DB_ERROR_CODES.INTERNAL, a, b);
  });
});

it("maps every friend refusal to its genuine FriendshipResult", () => {
  expect(friendshipResultFor("FRIEND_CANNOT_INVITE_SELF")).toBe(FRIENDSHIP_RESULT.CannotInviteSelf);
  expect(friendshipResultFor("CHARACTER_NOT_FOUND")).toBe(FRIENDSHIP_RESULT.PlayerNotFound);
  expect(friendshipResultFor("FRIEND_TARGET_IGNORED")).toBe(21);
  expect(friendshipResultFor("INTERNAL")).toBe(FRIENDSHIP_RESULT.UnableToProcess);
  const friendCodes = Object.values(DB_ERROR_CODES).filter((c) => c.startsWith("FRIEND"));
  for (const code of friendCodes) expect(FRIENDSHIP_RESULT_BY_ERROR[code], code).toBeTypeOf("number");
});
