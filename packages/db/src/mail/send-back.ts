import { MAIL_FLAG, mailExpiresAt } from "@bezgelor/core";
import type { ActionContext } from "../actions/action.js";
import type { LockedMail } from "./mail-record.js";

/**
 * Moves a locked mail, with everything still in it, back to its sender's mailbox: no cash on
 * delivery any more, not returnable again, a new expiry. mail.removed (returned) for the holder,
 * mail.arrived (returned) for the sender. The caller checked the mail can go back.
 */
export async function sendBack(ctx: ActionContext, mail: LockedMail, expiryDays: number): Promise<Date> {
  const senderId = mail.senderCharacterId!;
  const sender = await ctx.tx.character.findUniqueOrThrow({ where: { id: senderId }, select: { accountId: true } });
  const expiresAt = mailExpiresAt(ctx.now, expiryDays);
  await ctx.tx.mail.update({
    where: { id: mail.id },
    data: { recipientCharacterId: senderId, returnedAt: ctx.now, cod: 0n, flags: mail.flags | MAIL_FLAG.NotReturnable, expiresAt },
  });
  ctx.emit(
    { kind: "mail.removed", accountId: mail.recipientAccountId, characterId: mail.recipientCharacterId, mailId: mail.id, reason: "returned" },
    {
      kind: "mail.arrived",
      accountId: sender.accountId,
      characterId: senderId,
      mailId: mail.id,
      reason: "returned",
      senderType: mail.senderType,
      senderName: mail.recipientName,
      subject: mail.subject,
    },
  );
  return expiresAt;
}
