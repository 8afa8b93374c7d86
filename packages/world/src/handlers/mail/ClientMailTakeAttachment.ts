import { MAIL_GENERIC_ERROR } from "@bezgelor/core";
import { listMail, STORE_MAIL_GRANTS, takeMailAttachment } from "@bezgelor/db";
import { ServerMailTakeAttachment } from "@bezgelor/protocol";
import { playerActionOptions } from "../../game/action-options";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { logMailRefusal, mailboxInReach, mailOutcome } from "./mail-refusal";

/**
 * ClientMailTakeAttachment 0x0126, answered by ServerMailTakeAttachment (mail id, GenericError,
 * the index sent). The index is the attachment's position among those still in the mail, in slot
 * order, as ServerMailAvailable lists them (NexusForever's MailItem.GetAttachment). The stack
 * goes into the inventory (ServerInventoryUpdate through the events). Refusals: DoesNotExist (not
 * in this mailbox), NoAttachment (no such index), Busy (cash on delivery unpaid),
 * ItemInventoryFull, UniqueExists (a store gift whose mount, pet or title the recipient owns: return it
 * to refund the sender); nothing changes. A store gift's attachment is granted (or, back with its
 * buyer, refunded) through STORE_MAIL_GRANTS. The mailbox unit the packet names must be in reach
 * (MailBoxOutOfRange otherwise).
 */
export const clientMailTakeAttachment = handler("ClientMailTakeAttachment", {
  states: IN_WORLD,
  async handle(ctx, { mailId, index, unitId }) {
    const { session, services } = ctx;
    const characterId = session.requireCharacter().id;
    const answer = (result: number) => session.send(ServerMailTakeAttachment, { mailId, result, index });
    if (!mailboxInReach(ctx, unitId)) {
      answer(MAIL_GENERIC_ERROR.MailBoxOutOfRange);
      return;
    }
    const mail = (await listMail(services.db, { characterId })).find((m) => m.mailId === mailId);
    if (!mail) {
      logMailRefusal(ctx, MAIL_GENERIC_ERROR.DoesNotExist, "not in this mailbox", { mailId: mailId.toString() });
      answer(MAIL_GENERIC_ERROR.DoesNotExist);
      return;
    }
    const attachment = mail.attachments[index];
    if (!attachment) {
      logMailRefusal(ctx, MAIL_GENERIC_ERROR.NoAttachment, `no attachment at index ${index}`, { mailId: mailId.toString(), index });
      answer(MAIL_GENERIC_ERROR.NoAttachment);
      return;
    }
    const result = await mailOutcome(ctx, async () => {
      const { result: taken } = await takeMailAttachment(services.db, {
        ...playerActionOptions(ctx),
        characterId,
        mailId,
        slot: attachment.slot,
        grants: STORE_MAIL_GRANTS,
      });
      session.logger.info({ mailId: mailId.toString(), index, slot: taken.slot, kind: taken.kind }, "mail attachment taken");
    });
    await services.events.flush();
    answer(result);
  },
});
