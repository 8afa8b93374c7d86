// ClientFriendshipInviteResponse (0x03BC): Mutual or Accept make both friends, Decline drops the
// invite, Ignore drops it and ignores the inviter. Checked again against today's lists and limits.
import { decideInviteResponse, FRIENDSHIP_RESPONSE, FRIENDSHIP_TYPE } from "@bezgelor/core";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { FriendInviteIdSchema, IdSchema } from "../validation.js";
import { closeInvite, countEntries, lockCharacters, readEntry, writeEntry } from "./friend-entries.js";
import { applyIgnore, friendRefusal } from "./friend-refusal.js";
import { FriendsOptionsSchema } from "./friends-options.js";

const Input = z.object({
  /** The invitee answering. */
  characterId: IdSchema,
  inviteId: FriendInviteIdSchema,
  /** FriendshipResponse: Mutual 0, Accept 1, Decline 2, Ignore 3. */
  response: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  options: FriendsOptionsSchema.default(FriendsOptionsSchema.parse({})),
});

/** What {@link respondToFriendInvite} did. */
export interface RespondToFriendInviteResult {
  inviterCharacterId: number;
  /** The invitee's entry for the inviter afterwards, if any. */
  friendshipId: bigint | null;
  friends: boolean;
}

async function run(ctx: ActionContext, input: z.output<typeof Input>): Promise<RespondToFriendInviteResult> {
  const { tx, now } = ctx;
  const peek = await tx.friendInvite.findUnique({ where: { id: input.inviteId }, select: { inviterCharacterId: true, inviteeCharacterId: true } });
  const notFound = () =>
    new DbError(DB_ERROR_CODES.FRIEND_REQUEST_NOT_FOUND, `No invite ${input.inviteId} for character ${input.characterId}`, {
      details: { inviteId: input.inviteId.toString(), characterId: input.characterId },
    });
  if (!peek || peek.inviteeCharacterId !== input.characterId) throw notFound();
  const chars = await lockCharacters(tx, [peek.inviterCharacterId, input.characterId]);
  // Read again under the locks: a racing answer or ignore may have closed it.
  const invite = await tx.friendInvite.findUnique({ where: { id: input.inviteId } });
  if (!invite) throw notFound();
  if (invite.expiresAt <= now) {
    throw new DbError(DB_ERROR_CODES.FRIEND_REQUEST_TIMED_OUT, `Invite ${invite.id} expired at ${invite.expiresAt.toISOString()}`, {
      details: { inviteId: invite.id.toString() },
    });
  }
  const inviter = chars.get(invite.inviterCharacterId)!;
  const invitee = chars.get(input.characterId)!;
  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const inviterEntry = await readEntry(tx, inviter.id, invitee.id);
  const inviteeEntry = await readEntry(tx, invitee.id, inviter.id);
  const inviterCounts = await countEntries(tx, inviter.id);
  const inviteeCounts = await countEntries(tx, invitee.id);
  const decision = decideInviteResponse({
    response: input.response,
    inviter: inviterEntry?.type ?? null,
    invitee: inviteeEntry?.type ?? null,
    inviterCounts,
    inviteeCounts,
    limits: input.options,
  });
  const details = { inviteId: invite.id.toString(), inviterId: inviter.id, inviteeId: invitee.id };
  if (!decision.ok) throw friendRefusal(decision.reason, `Cannot answer invite ${invite.id}: ${decision.reason}`, details);
  ctx.step("friends.decided");
  if (input.response === FRIENDSHIP_RESPONSE.Ignore) {
    const entry = await applyIgnore(ctx, invitee, inviter);
    return { inviterCharacterId: inviter.id, friendshipId: entry.id, friends: false };
  }
  const { effect } = decision;
  // The note given when adding is the inviter's own note about the invitee: it goes on the inviter's new entry.
  await writeEntry(ctx, inviter, invitee, effect.inviter, inviterEntry ? undefined : invite.note);
  const entry = await writeEntry(ctx, invitee, inviter, effect.invitee);
  await closeInvite(ctx, invite, inviter, invitee, effect.friends ? "accepted" : "declined");
  return { inviterCharacterId: inviter.id, friendshipId: entry?.id ?? null, friends: effect.friends && effect.invitee !== FRIENDSHIP_TYPE.Ignore };
}

/**
 * Answers invite `inviteId` as its invitee `characterId`: Mutual and Accept make both
 * characters friends (both lists get an entry, or Rival becomes FriendAndRival), Decline only
 * drops the invite, Ignore drops it and makes the invitee ignore the inviter. The inviter gets
 * friend.invite-answered, the invitee friend.invite-removed, each list its friendship events.
 * Throws DbError FRIEND_REQUEST_NOT_FOUND (none, or not theirs), FRIEND_REQUEST_TIMED_OUT,
 * FRIEND_MAX_FRIENDS (either list full), FRIEND_MAX_IGNORED, INVALID_INPUT; nothing changes then.
 */
export const respondToFriendInvite = defineAction({
  name: "friends.respond",
  input: Input,
  describe: (i) => `Answering invite ${i.inviteId} with ${i.response} for character ${i.characterId}`,
  run,
});
