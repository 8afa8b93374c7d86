import { FRIENDSHIP_RESULT } from "@bezgelor/core";
import { respondToFriendInvite } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { friendsOptions } from "../../game/social-options";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { refuseFriendship, withFriendshipResult } from "./friendship-refusal";

const RESPONSES = [0, 1, 2, 3] as const;
const isResponse = (value: number): value is (typeof RESPONSES)[number] => (RESPONSES as readonly number[]).includes(value);

/**
 * ClientFriendshipInviteResponse 0x03BC: Mutual or Accept make both friends (ServerFriendshipAdd
 * to both, ServerFriendshipInviteRemove to the invitee, through the events), Decline drops the
 * invite (the inviter is told RequestDenied), Ignore drops it and ignores the inviter. A response
 * value the client does not define (4..7) is InvalidType; an unknown or expired invite is
 * RequestNotFound / RequestTimedOut.
 */
export const clientFriendshipInviteResponse = handler("ClientFriendshipInviteResponse", {
  states: IN_WORLD,
  async handle(ctx, { inviteId, response }) {
    const { session, services } = ctx;
    if (!isResponse(response)) {
      refuseFriendship(ctx, FRIENDSHIP_RESULT.InvalidType, "unknown response", { inviteId: inviteId.toString(), response });
      return;
    }
    await withFriendshipResult(ctx, async () => {
      const { result } = await respondToFriendInvite(services.db, {
        ...playerActionOptions(ctx),
        characterId: session.requireCharacter().id,
        inviteId,
        response,
        options: friendsOptions(services.config),
      });
      session.logger.info({ inviteId: inviteId.toString(), response, friends: result.friends }, "friend invite answered");
    });
    await services.events.flush();
  },
});
