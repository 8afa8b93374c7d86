import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { closeInvite, lockCharacters } from "./friend-entries.js";

const Input = z.object({
  /** Most invites closed per call (the sweep calls again while it gets a full batch). */
  limit: z.number().int().min(1).max(10_000).default(500),
});

async function run(ctx: ActionContext, input: z.output<typeof Input>): Promise<{ expired: number }> {
  const due = await ctx.tx.friendInvite.findMany({ where: { expiresAt: { lte: ctx.now } }, orderBy: { id: "asc" }, take: input.limit });
  let expired = 0;
  for (const candidate of due) {
    const chars = await lockCharacters(ctx.tx, [candidate.inviterCharacterId, candidate.inviteeCharacterId]);
    // Answered or replaced while we waited for the locks: nothing to expire.
    const invite = await ctx.tx.friendInvite.findUnique({ where: { id: candidate.id } });
    if (!invite || invite.expiresAt > ctx.now) continue;
    await closeInvite(ctx, invite, chars.get(invite.inviterCharacterId)!, chars.get(invite.inviteeCharacterId)!, "expired");
    expired++;
  }
  return { expired };
}

/**
 * Deletes invites whose time ran out (at the action's `now`), telling the invitee
 * (friend.invite-removed, reason expired) and the inviter (friend.invite-answered, expired).
 * Idempotent: a second run finds nothing. Until swept, an expired invite is already invisible to
 * listFriends and refused by respondToFriendInvite (FRIEND_REQUEST_TIMED_OUT).
 */
export const expireFriendInvites = defineAction({
  name: "friends.expire-invites",
  input: Input,
  describe: (i) => `Expiring up to ${i.limit} friend invites`,
  run,
});
