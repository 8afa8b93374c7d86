import { FRIENDSHIP_RESULT, FRIENDSHIP_TYPE } from "@bezgelor/core";
import { listFriends } from "@bezgelor/db";
import {
  ClientFriendshipAccountAddByIdentity,
  ClientFriendshipAddByName,
  ClientFriendshipInviteResponse,
  ClientFriendshipRemoveByName,
  ClientFriendshipSetNoteByIdentity,
  ClientMailSend,
} from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enter } from "./support/social";
import { startTestWorld, type TestWorld } from "./support/world";

const REALM = 1;
const NO_ITEMS = Array<bigint>(10).fill(0n);
const add = (name: string, type: number, note = "") => ({ name, realm: "", type, note });

describe("friends and ignore over the genuine friendship packets", () => {
  let t: TestWorld;
  beforeAll(async () => {
    t = await startTestWorld();
  });
  afterAll(() => t.close());

  it("invite, accept: both lists updated live and on the next login", async () => {
    const a = await enter(t);
    const b = await enter(t);
    expect(a.friends.friends).toEqual([]);
    a.client.send(ClientFriendshipAddByName, add(b.player.characterName, FRIENDSHIP_TYPE.Friend, "from the raid"));
    expect((await a.client.waitFor("ServerFriendshipResult")).result).toBe(FRIENDSHIP_RESULT.RequestSent);
    const { invites } = await b.client.waitFor("ServerFriendshipInviteList");
    expect(invites).toHaveLength(1);
    expect(invites[0]).toMatchObject({
      identity: { realmId: REALM, characterId: BigInt(a.player.characterId) },
      name: a.player.characterName,
      note: "from the raid",
    });
    expect(invites[0]!.expiryInDays).toBeGreaterThan(6.9);

    b.client.send(ClientFriendshipInviteResponse, { inviteId: invites[0]!.inviteId, response: 1 });
    expect(await b.client.waitFor("ServerFriendshipInviteRemove")).toEqual({ inviteId: invites[0]!.inviteId });
    const bAdd = await b.client.waitFor("ServerFriendshipAdd");
    const aAdd = await a.client.waitFor("ServerFriendshipAdd");
    expect(bAdd.friend).toMatchObject({ identity: { realmId: REALM, characterId: BigInt(a.player.characterId) }, type: FRIENDSHIP_TYPE.Friend });
    expect(aAdd.friend).toMatchObject({ identity: { realmId: REALM, characterId: BigInt(b.player.characterId) }, type: FRIENDSHIP_TYPE.Friend });

    const listed = await listFriends(t.db, { characterId: a.player.characterId });
    expect(listed.entries.map((e) => [e.characterId, e.type])).toEqual([[b.player.characterId, FRIENDSHIP_TYPE.Friend]]);
    await a.client.close();
    const again = await enter(t, a.player);
    expect(again.friends.friends).toEqual([aAdd.friend]);
    expect(again.invites.invites).toEqual([]);

    // A note, then removing: both sides lose the entry.
    again.client.send(ClientFriendshipSetNoteByIdentity, { identity: { realmId: REALM, characterId: BigInt(b.player.characterId) }, note: "tank" });
    expect(await again.client.waitFor("ServerFriendshipSetNote")).toEqual({ friendshipId: aAdd.friend.friendshipId, note: "tank" });
    again.client.send(ClientFriendshipRemoveByName, { name: b.player.characterName, realm: "", type: FRIENDSHIP_TYPE.Friend });
    expect(await again.client.waitFor("ServerFriendshipRemove")).toEqual({ friendshipId: aAdd.friend.friendshipId });
    expect(await b.client.waitFor("ServerFriendshipRemove")).toEqual({ friendshipId: bAdd.friend.friendshipId });
    expect((await listFriends(t.db, { characterId: b.player.characterId })).entries).toEqual([]);
  });

  it("an invite to an offline player arrives on their login; adding by identity works the same", async () => {
    const a = await enter(t);
    const offline = await t.player();
    a.client.send(ClientFriendshipAccountAddByIdentity, {
      identity: { realmId: REALM, characterId: BigInt(offline.characterId) },
      type: FRIENDSHIP_TYPE.Friend,
      note: "hi",
    });
    expect((await a.client.waitFor("ServerFriendshipResult")).result).toBe(FRIENDSHIP_RESULT.RequestSent);
    const c = await enter(t, offline);
    expect(c.invites.invites).toHaveLength(1);
    expect(c.invites.invites[0]).toMatchObject({ name: a.player.characterName, note: "hi" });
    // Declined: the inviter is told, nobody is a friend.
    c.client.send(ClientFriendshipInviteResponse, { inviteId: c.invites.invites[0]!.inviteId, response: 2 });
    expect(await c.client.waitFor("ServerFriendshipInviteRemove")).toEqual({ inviteId: c.invites.invites[0]!.inviteId });
    expect((await a.client.waitFor("ServerFriendshipResult")).result).toBe(FRIENDSHIP_RESULT.RequestDenied);
    expect((await listFriends(t.db, { characterId: a.player.characterId })).entries).toEqual([]);
    a.client.send(ClientFriendshipAccountAddByIdentity, {
      identity: { realmId: 9, characterId: BigInt(offline.characterId) },
      type: FRIENDSHIP_TYPE.Friend,
      note: "",
    });
    expect((await a.client.waitFor("ServerFriendshipResult")).result).toBe(FRIENDSHIP_RESULT.RealmNotFound);
  });

  it("ignore blocks invites and mail, and changes nothing else", async () => {
    const a = await enter(t);
    const b = await enter(t);
    b.client.send(ClientFriendshipAddByName, add(a.player.characterName, FRIENDSHIP_TYPE.Ignore));
    expect((await b.client.waitFor("ServerFriendshipAdd")).friend).toMatchObject({
      identity: { characterId: BigInt(a.player.characterId) },
      type: FRIENDSHIP_TYPE.Ignore,
    });

    a.client.send(ClientFriendshipAddByName, add(b.player.characterName, FRIENDSHIP_TYPE.Friend));
    expect((await a.client.waitFor("ServerFriendshipResult")).result).toBe(FRIENDSHIP_RESULT.RequestDenied);
    expect(await t.db.friendInvite.count({ where: { inviterCharacterId: a.player.characterId } })).toBe(0);

    const goldBefore = (await t.db.character.findUniqueOrThrow({ where: { id: a.player.characterId } })).gold;
    a.client.send(ClientMailSend, {
      name: b.player.characterName,
      realm: "",
      subject: "Hi",
      body: "",
      creditsSent: 0n,
      cashOnDelivery: 0n,
      deliveryTime: 0,
      unitId: 1,
      items: NO_ITEMS,
    });
    expect(await a.client.waitFor("ServerMailResult")).toEqual({ action: 1, mailId: 0n, result: 0x35 });
    expect(await t.db.mail.count({ where: { recipientCharacterId: b.player.characterId } })).toBe(0);
    expect((await t.db.character.findUniqueOrThrow({ where: { id: a.player.characterId } })).gold).toBe(goldBefore);
    expect(b.client.pending("ServerFriendshipInviteList")).toEqual([]);
    expect(b.client.pending("ServerMailAvailable")).toEqual([]);
  });

  it("refusals get their genuine FriendshipResult", async () => {
    const a = await enter(t);
    a.client.send(ClientFriendshipAddByName, add(a.player.characterName, FRIENDSHIP_TYPE.Friend));
    expect((await a.client.waitFor("ServerFriendshipResult")).result).toBe(FRIENDSHIP_RESULT.CannotInviteSelf);
    a.client.send(ClientFriendshipAddByName, add("Nobodyatall", FRIENDSHIP_TYPE.Friend));
    expect((await a.client.waitFor("ServerFriendshipResult")).result).toBe(FRIENDSHIP_RESULT.PlayerNotFound);
    a.client.send(ClientFriendshipRemoveByName, { name: "Nobodyatall", realm: "", type: 2 });
    expect((await a.client.waitFor("ServerFriendshipResult")).result).toBe(FRIENDSHIP_RESULT.InvalidType);
    a.client.send(ClientFriendshipInviteResponse, { inviteId: 987654n, response: 1 });
    expect((await a.client.waitFor("ServerFriendshipResult")).result).toBe(FRIENDSHIP_RESULT.RequestNotFound);
    expect(t.logged("friendship request refused").length).toBeGreaterThanOrEqual(4);
    expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
