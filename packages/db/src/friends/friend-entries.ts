// Internal steps shared by the friend actions: lock two characters, read and write the entries
// between them, and the counts the limits are checked against. Every write emits its event.
import type { FriendshipCounts, StoredFriendshipType } from "@bezgelor/core";
import type { ActionContext } from "../actions/action.js";
import { characterNameKey } from "../characters/character-name-key.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";

/** What the friend actions need of a character. */
export interface FriendCharacter {
  id: number;
  accountId: number;
  name: string;
  faction: number;
}

interface CharacterRow {
  id: number;
  account_id: number;
  name: string;
  faction: number;
}

/**
 * Locks the characters' rows (FOR UPDATE, in id order, so two actions on one pair serialise and
 * never deadlock) and returns them by id. Throws DbError CHARACTER_NOT_FOUND.
 */
export async function lockCharacters(tx: Prisma.TransactionClient, ids: readonly number[]): Promise<Map<number, FriendCharacter>> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const rows = await tx.$queryRaw<CharacterRow[]>`SELECT "id", "account_id", "name", "faction" FROM "characters"
    WHERE "id" = ANY(${unique}::int[]) ORDER BY "id" FOR UPDATE`;
  const found = new Map(rows.map((r) => [r.id, { id: r.id, accountId: r.account_id, name: r.name, faction: r.faction }]));
  for (const id of unique) {
    if (!found.has(id)) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${id}`, { details: { characterId: id } });
  }
  return found;
}

/**
 * The id of the character with this name (case-insensitive). Throws DbError CHARACTER_NOT_FOUND,
 * also, without a query, for a name holding a control or bidirectional-override character.
 */
export async function characterIdByName(tx: Prisma.TransactionClient, name: string): Promise<number> {
  const nameKey = characterNameKey(name);
  const row = nameKey === undefined ? null : await tx.character.findUnique({ where: { nameKey }, select: { id: true } });
  if (!row) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character named ${name}`, { details: { name } });
  return row.id;
}

/** One entry of a friend list. */
export interface FriendEntry {
  id: bigint;
  type: StoredFriendshipType;
  note: string;
}

/** The entry `ownerId` has for `otherId`, if any. */
export async function readEntry(tx: Prisma.TransactionClient, ownerId: number, otherId: number): Promise<FriendEntry | null> {
  const row = await tx.characterFriendship.findUnique({
    where: { characterId_otherCharacterId: { characterId: ownerId, otherCharacterId: otherId } },
    select: { id: true, type: true, note: true },
  });
  return row && { id: row.id, type: row.type as StoredFriendshipType, note: row.note };
}

/** How many friends, ignored and rivals the character lists (FriendAndRival counts for both). */
export async function countEntries(tx: Prisma.TransactionClient, ownerId: number): Promise<FriendshipCounts> {
  const rows = await tx.characterFriendship.groupBy({ by: ["type"], where: { characterId: ownerId }, _count: { _all: true } });
  const n = (type: number) => rows.find((r) => r.type === type)?._count._all ?? 0;
  return { friends: n(0) + n(4), ignored: n(1), rivals: n(3) + n(4) };
}

/**
 * Makes `owner`'s entry for `other` be `type` (null removes it), emitting friendship.added,
 * .changed or .removed for the owner. A note is kept unless `note` is given. Returns the entry.
 */
export async function writeEntry(
  ctx: ActionContext,
  owner: FriendCharacter,
  other: FriendCharacter,
  type: StoredFriendshipType | null,
  note?: string,
): Promise<FriendEntry | null> {
  const current = await readEntry(ctx.tx, owner.id, other.id);
  const scope = { accountId: owner.accountId, characterId: owner.id, otherCharacterId: other.id };
  if (type === null) {
    if (current) {
      await ctx.tx.characterFriendship.delete({ where: { id: current.id } });
      ctx.emit({ kind: "friendship.removed", ...scope, friendshipId: current.id });
    }
    return null;
  }
  if (!current) {
    const row = await ctx.tx.characterFriendship.create({
      data: { characterId: owner.id, otherCharacterId: other.id, type, note: note ?? "", createdAt: ctx.now, updatedAt: ctx.now },
      select: { id: true, note: true },
    });
    ctx.emit({ kind: "friendship.added", ...scope, friendshipId: row.id, otherName: other.name, type, note: row.note });
    return { id: row.id, type, note: row.note };
  }
  const nextNote = note ?? current.note;
  if (current.type === type && current.note === nextNote) return current;
  await ctx.tx.characterFriendship.update({ where: { id: current.id }, data: { type, note: nextNote, updatedAt: ctx.now } });
  ctx.emit({ kind: "friendship.changed", ...scope, friendshipId: current.id, type, note: nextNote });
  return { id: current.id, type, note: nextNote };
}

/** An invite row as the actions use it. */
export interface InviteRow {
  id: bigint;
  inviterCharacterId: number;
  inviteeCharacterId: number;
  note: string;
  expiresAt: Date;
}

/** The invite from `inviterId` to `inviteeId`, expired or not. */
export function readInvite(tx: Prisma.TransactionClient, inviterId: number, inviteeId: number): Promise<InviteRow | null> {
  return tx.friendInvite.findUnique({ where: { inviterCharacterId_inviteeCharacterId: { inviterCharacterId: inviterId, inviteeCharacterId: inviteeId } } });
}

/**
 * Deletes an invite and tells both sides: friend.invite-removed to the invitee,
 * friend.invite-answered to the inviter.
 */
export async function closeInvite(
  ctx: ActionContext,
  invite: InviteRow,
  inviter: FriendCharacter,
  invitee: FriendCharacter,
  answer: "accepted" | "declined" | "ignored" | "expired",
): Promise<void> {
  await ctx.tx.friendInvite.delete({ where: { id: invite.id } });
  ctx.emit(
    {
      kind: "friend.invite-removed",
      accountId: invitee.accountId,
      characterId: invitee.id,
      inviteId: invite.id,
      reason: answer === "expired" ? "expired" : answer === "ignored" ? "ignored" : "answered",
    },
    {
      kind: "friend.invite-answered",
      accountId: inviter.accountId,
      characterId: inviter.id,
      inviteId: invite.id,
      inviteeCharacterId: invitee.id,
      inviteeName: invitee.name,
      answer,
    },
  );
}
