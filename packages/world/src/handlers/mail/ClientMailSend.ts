import { MAIL_GENERIC_ERROR } from "@bezgelor/core";
import { sendMail } from "@bezgelor/db";
import { ServerMailResult } from "@bezgelor/protocol";
import { playerActionOptions } from "../../game/action-options";
import { mailOptions } from "../../game/social-options";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { attachedStacks } from "./attached-stacks";
import { logMailRefusal, MAIL_ACTION, mailboxInReach, mailOutcome } from "./mail-refusal";

/**
 * ClientMailSend 0x0168, answered by ServerMailResult action 1 (mail id 0, as NexusForever):
 * through the sendMail action, the sender pays the credits sent and the postage (config
 * `mail.postage`), the attached stacks ({@link attachedStacks}) leave the inventory, and the mail
 * reaches the recipient's mailbox at once (ServerMailAvailable through the events, online
 * anywhere; offline, on entering). Every delivery speed is delivered at once (Hour and Day are
 * accepted as Instant). Attachments need the mailbox unit the packet names in reach
 * (MailBoxOutOfRange otherwise, as NexusForever); mail without attachments can be sent anywhere.
 * Refusals (GenericError): CannotFindPlayer (unknown name, or the recipient ignores the sender),
 * CannotMailSelf, InvalidText (subject 1..49, body up to 499 characters, a control character or
 * bidirectional override in either: core mailTextProblem, checked by the action), InsufficientFunds,
 * InvalidInventorySlot, FailedToCreate (cash on delivery without attachments); nothing changes.
 */
export const clientMailSend = handler("ClientMailSend", {
  states: IN_WORLD,
  async handle(ctx, packet) {
    const { session, services } = ctx;
    const answer = (result: number) => session.send(ServerMailResult, { action: MAIL_ACTION.SendOrReturn, mailId: 0n, result });
    if (packet.items.some((guid) => guid !== 0n) && !mailboxInReach(ctx, packet.unitId)) {
      answer(MAIL_GENERIC_ERROR.MailBoxOutOfRange);
      return;
    }
    const stacks = await attachedStacks(ctx, packet.items);
    if (!stacks.ok) {
      logMailRefusal(ctx, stacks.result as typeof MAIL_GENERIC_ERROR.InvalidInventorySlot, stacks.why, { to: packet.name });
      answer(stacks.result);
      return;
    }
    const result = await mailOutcome(ctx, async () => {
      const { result: sent } = await sendMail(services.db, {
        ...playerActionOptions(ctx),
        characterId: session.requireCharacter().id,
        to: packet.name,
        subject: packet.subject,
        body: packet.body,
        gold: packet.creditsSent,
        cod: packet.cashOnDelivery,
        items: stacks.items,
        options: mailOptions(services.config),
      });
      session.logger.info(
        { mailId: sent.mailId.toString(), to: sent.recipientCharacterId, debited: sent.debited.toString(), items: stacks.items.length },
        "mail sent",
      );
    });
    await services.events.flush();
    answer(result);
  },
});
