import { MAIL_GENERIC_ERROR } from "@bezgelor/core";
import { takeMailGold } from "@bezgelor/db";
import { ServerMailResult } from "@bezgelor/protocol";
import { playerActionOptions } from "../../game/action-options";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { MAIL_ACTION, mailboxInReach, mailOutcome } from "./mail-refusal";

/**
 * ClientMailTakeCash 0x0127, answered by ServerMailResult action 2: the credits in the mail go to
 * the purse with their ledger entry (ServerCombatReward with the new total through the events).
 * Refusals: MailBoxOutOfRange (the mailbox unit the packet names is not in reach), DoesNotExist,
 * NoAttachment (no credits left).
 */
export const clientMailTakeCash = handler("ClientMailTakeCash", {
  states: IN_WORLD,
  async handle(ctx, { mailId, unitId }) {
    const { session, services } = ctx;
    if (!mailboxInReach(ctx, unitId)) {
      session.send(ServerMailResult, { action: MAIL_ACTION.TakeCash, mailId, result: MAIL_GENERIC_ERROR.MailBoxOutOfRange });
      return;
    }
    const result = await mailOutcome(ctx, async () => {
      const { result: taken } = await takeMailGold(services.db, { ...playerActionOptions(ctx), characterId: session.requireCharacter().id, mailId });
      session.logger.info({ mailId: mailId.toString(), gold: taken.gold.toString() }, "mail credits taken");
    });
    await services.events.flush();
    session.send(ServerMailResult, { action: MAIL_ACTION.TakeCash, mailId, result });
  },
});
