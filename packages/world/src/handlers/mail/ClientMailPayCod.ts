import { payMailCod } from "@bezgelor/db";
import { ServerMailResult } from "@bezgelor/protocol";
import { playerActionOptions } from "../../game/action-options";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { MAIL_ACTION, mailOutcome } from "./mail-refusal";

/**
 * ClientMailPayCod 0x0123, answered by ServerMailResult action 3: the holder pays the cash on
 * delivery straight into the sender's purse (two ledger entries, one transaction); then the
 * attachments can be taken. Refusals: DoesNotExist, Busy (nothing due), InsufficientFunds;
 * nothing changes. The mailbox unit id is accepted as sent.
 */
export const clientMailPayCod = handler("ClientMailPayCod", {
  states: IN_WORLD,
  async handle(ctx, { mailId }) {
    const { session, services } = ctx;
    const result = await mailOutcome(ctx, async () => {
      const { result: paid } = await payMailCod(services.db, { ...playerActionOptions(ctx), characterId: session.requireCharacter().id, mailId });
      session.logger.info({ mailId: mailId.toString(), paid: paid.paid.toString() }, "mail cash on delivery paid");
    });
    await services.events.flush();
    session.send(ServerMailResult, { action: MAIL_ACTION.PayCod, mailId, result });
  },
});
