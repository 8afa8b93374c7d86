// ClientFriendshipAddByName (0x03B4): Friend sends an invite (or accepts the other's waiting
// one), Ignore and Rival take effect at once. Both characters' rows are locked first, so two
// invites crossing each other serialise: the second finds the first and accepts it.
import { decideFriendshipAdd, decideInviteResponse, FRIENDSHIP_RESPONSE, FRIENDSHIP_TYPE, friendInviteExpiresAt, isValidFriendshipNote } from "@bezgelor/core";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { IdSchema } from "../validation.js";
import { characterIdByName, closeInvite, countEntries, lockCharacters, readEntry, readInvite, writeEntry } from "./friend-entries.js";
import { applyIgnore, friendRefusal } from "./friend-refusal.js";
import { FriendsOptionsSchema } from "./friends-options.js";

const Input = z.object({
  characterId: IdSchema,
  /** The other character's name (case-insensitive). */
  name: z.string().max(64),
  /** The raw FriendshipType the client sent: Friend 0, Ignore 1, Rival 3 (others are refused). */
  type: z.number().int().min(0).max(15),
  note: z.string().max(256).default(""),
  options: FriendsOptionsSchema.default(FriendsOptionsSchema.parse({})),
});

/** What {@link addFriend} did. */
export type AddFriendResult =
  | { outcome: "invited"; inviteId: bigint; expiresAt: Date }
  /** An invite to them was already waiting; nothing changed. */
  | { outcome: "invite-pending"; inviteId: bigint; expiresAt: Date }
  /** They had invited us: both are friends now. */
  | { outcome: "friends"; friendshipId: bigint }
  /** Ignore or Rival: the entry as it is now. */
  | { outcome: "set"; friendshipId: bigint; type: number };

async function run(ctx: ActionContext, input: z.output<typeof Input>): Promise<AddFriendResult> {
  const { tx, now } = ctx;
  const { options } = input;
  const targetId = await characterIdByName(tx, input.name);
  const chars = await lockCharacters(tx, [input.characterId, targetId]);
  const self = chars.get(input.characterId)!;
  const target = chars.get(targetId)!;
  const details = { characterId: self.id, targetId, type: input.type };
  if (!isValidFriendshipNote(input.note))
    throw friendRefusal("invalid_note", "The note is too long, more than one line, or holds a control or bidirectional-override character", details);
  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const mine = await readEntry(tx, self.id, targetId);
  const theirs = await readEntry(tx, targetId, self.id);
  const counts = await countEntries(tx, self.id);
  const sent = await readInvite(tx, self.id, targetId);
  const received = await readInvite(tx, targetId, self.id);
  const waiting = await tx.friendInvite.count({ where: { inviteeCharacterId: targetId, expiresAt: { gt: now } } });
  const live = <T extends { expiresAt: Date }>(i: T | null) => (i && i.expiresAt > now ? i : null);
  const decision = decideFriendshipAdd(
    {
      selfId: self.id,
      targetId,
      selfFaction: self.faction,
      targetFaction: target.faction,
      mine: mine?.type ?? null,
      theirs: theirs?.type ?? null,
      counts,
      targetPendingInvites: waiting,
      inviteSent: live(sent) !== null,
      inviteReceived: live(received) !== null,
      limits: options,
    },
    input.type,
  );
  if (!decision.ok) throw friendRefusal(decision.reason, `${self.name} cannot add ${target.name} as type ${input.type}: ${decision.reason}`, details);
  ctx.step("friends.decided");
  const effect = decision.effect;
  switch (effect.kind) {
    case "invite-pending":
      return { outcome: "invite-pending", inviteId: sent!.id, expiresAt: sent!.expiresAt };
    case "accept-theirs": {
      const accepted = decideInviteResponse({
        response: FRIENDSHIP_RESPONSE.Mutual,
        inviter: theirs?.type ?? null,
        invitee: mine?.type ?? null,
        inviterCounts: await countEntries(tx, targetId),
        inviteeCounts: counts,
        limits: options,
      });
      if (!accepted.ok) throw friendRefusal(accepted.reason, `${self.name} and ${target.name} cannot become friends: ${accepted.reason}`, details);
      await writeEntry(ctx, target, self, accepted.effect.inviter);
      const entry = await writeEntry(ctx, self, target, accepted.effect.invitee, input.note === "" ? undefined : input.note);
      await closeInvite(ctx, received!, target, self, "accepted");
      return { outcome: "friends", friendshipId: entry!.id };
    }
    case "set": {
      const note = input.note === "" ? undefined : input.note;
      const entry =
        effect.type === FRIENDSHIP_TYPE.Ignore ? await applyIgnore(ctx, self, target, note) : await writeEntry(ctx, self, target, effect.type, note);
      return { outcome: "set", friendshipId: entry!.id, type: effect.type };
    }
    case "invite": {
      // An expired invite in this direction is replaced.
      if (sent) await tx.friendInvite.delete({ where: { id: sent.id } });
      const expiresAt = friendInviteExpiresAt(now, options.inviteLifetimeSeconds);
      const invite = await tx.friendInvite.create({
        data: { inviterCharacterId: self.id, inviteeCharacterId: targetId, note: input.note, createdAt: now, expiresAt },
      });
      ctx.emit({
        kind: "friend.invite-received",
        accountId: target.accountId,
        characterId: targetId,
        inviteId: invite.id,
        inviterCharacterId: self.id,
        inviterName: self.name,
        note: input.note,
        expiresAt,
      });
      return { outcome: "invited", inviteId: invite.id, expiresAt };
    }
  }
}

/**
 * Adds the character named `name` to `characterId`'s list as `type` (ClientFriendshipAddByName):
 * Friend sends an invite that lives `options.inviteLifetimeSeconds` (friend.invite-received for
 * the target, online or not), or, when the target already invited us, makes both friends at
 * once; asking again while an invite waits changes nothing. Ignore replaces any entry, ends a
 * friendship on both sides and withdraws invites between the two; Rival is one-sided.
 * Throws DbError CHARACTER_NOT_FOUND, FRIEND_CANNOT_INVITE_SELF, FRIEND_INVALID_TYPE,
 * FRIEND_TARGET_IGNORED, FRIEND_REQUEST_DENIED (they ignore us, or other faction),
 * FRIEND_ALREADY_FRIEND / _IGNORED / _RIVAL, FRIEND_MAX_FRIENDS / _IGNORED / _RIVALS,
 * FRIEND_QUEUED_REQUESTS, FRIEND_INVALID_NOTE, INVALID_INPUT; nothing changes on a refusal.
 * Source: NexusForever FriendInviteValidator (order of checks).
 */
export const addFriend = defineAction({
  name: "friends.add",
  input: Input,
  describe: (i) => `Adding ${i.name} as type ${i.type} for character ${i.characterId}`,
  run,
});
