// Friend requests are answered with the genuine ServerFriendshipResult, not ServerRequestResult:
// the refusals the friend actions throw (DbError codes in FRIENDSHIP_RESULT_BY_ERROR, and
// INVALID_INPUT for a value the action's schema refuses) become their FriendshipResult. Anything
// else (an outage, a bug) propagates to the session's usual handling.
import { FRIENDSHIP_RESULT, type FriendshipResult } from "@bezgelor/core";
import { DbError, FRIENDSHIP_RESULT_BY_ERROR, friendshipResultFor } from "@bezgelor/db";
import { friendshipResultPacket } from "../../game/friend-packets";
import type { HandlerContext } from "../types";

/** Sends ServerFriendshipResult `result` and logs the refusal at info with its context. */
export function refuseFriendship(ctx: HandlerContext, result: FriendshipResult, why: string, details: Record<string, unknown> = {}): void {
  ctx.session.logger.info({ ...details, result }, `friendship request refused: ${why}`);
  ctx.session.deliver(friendshipResultPacket(result));
}

/**
 * Runs a friend action; a refusal it throws is answered with its FriendshipResult (and logged at
 * info). Returns true when the action ran, false when it was refused.
 */
export async function withFriendshipResult(ctx: HandlerContext, run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (!(error instanceof DbError) || !(error.code in FRIENDSHIP_RESULT_BY_ERROR || error.code === "INVALID_INPUT")) throw error;
    const result = error.code === "INVALID_INPUT" ? FRIENDSHIP_RESULT.UnableToProcess : friendshipResultFor(error.code);
    refuseFriendship(ctx, result, error.message, { code: error.code, ...error.details });
    return false;
  }
}
