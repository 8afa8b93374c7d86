import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link listFriends}. */
export interface ListFriendsOptions {
  characterId: number;
  /** Invites expiring at or before this are left out; defaults to now. */
  now?: Date;
}

/** Who another character is, as the friend packets show them. */
export interface FriendPerson {
  characterId: number;
  name: string;
  class: number;
  level: number;
  faction: number;
}

/** One friend list entry (ServerFriendshipList's FriendData). */
export interface FriendListEntry extends FriendPerson {
  friendshipId: bigint;
  /** FriendshipType: Friend 0, Ignore 1, Rival 3, FriendAndRival 4. */
  type: number;
  note: string;
}

/** A waiting invite (ServerFriendshipInviteList), either way. */
export interface FriendInviteEntry extends FriendPerson {
  inviteId: bigint;
  note: string;
  expiresAt: Date;
}

/** Everything the friend packets need on entering the world. */
export interface FriendList {
  /** Every entry of the character's list, Ignore included, by friendship id. */
  entries: FriendListEntry[];
  /** Invites waiting for this character's answer (the other is the inviter). */
  incoming: FriendInviteEntry[];
  /** Invites this character sent that wait for an answer (the other is the invitee). */
  outgoing: FriendInviteEntry[];
}

const person = { select: { id: true, name: true, class: true, level: true, faction: true } } as const;
const asPerson = (c: { id: number; name: string; class: number; level: number; faction: number }): FriendPerson => ({
  characterId: c.id,
  name: c.name,
  class: c.class,
  level: c.level,
  faction: c.faction,
});

const ListFriendsInput = z.object({ characterId: IdSchema, now: z.date().optional() });

/**
 * The character's friend list, ignore list and unexpired invites both ways; empty lists for an
 * unknown character. Throws DbError INVALID_INPUT for a malformed id.
 */
export async function listFriends(db: DbClient, options: ListFriendsOptions): Promise<FriendList> {
  const { characterId, now } = parseInput(ListFriendsInput, options);
  const at = now ?? new Date();
  try {
    const [entries, incoming, outgoing] = await Promise.all([
      db.characterFriendship.findMany({ where: { characterId }, orderBy: { id: "asc" }, include: { other: person } }),
      db.friendInvite.findMany({ where: { inviteeCharacterId: characterId, expiresAt: { gt: at } }, orderBy: { id: "asc" }, include: { inviter: person } }),
      db.friendInvite.findMany({ where: { inviterCharacterId: characterId, expiresAt: { gt: at } }, orderBy: { id: "asc" }, include: { invitee: person } }),
    ]);
    return {
      entries: entries.map((e) => ({ friendshipId: e.id, type: e.type, note: e.note, ...asPerson(e.other) })),
      incoming: incoming.map((i) => ({ inviteId: i.id, note: i.note, expiresAt: i.expiresAt, ...asPerson(i.inviter) })),
      outgoing: outgoing.map((i) => ({ inviteId: i.id, note: i.note, expiresAt: i.expiresAt, ...asPerson(i.invitee) })),
    };
  } catch (error) {
    throw toDbError(error, `Listing the friends of character ${characterId} failed`);
  }
}
