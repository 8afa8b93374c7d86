import { MAIL_FLAG } from "@bezgelor/core";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { changeBalance } from "../currency/change-currency.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { IdSchema, MailIdSchema } from "../validation.js";
import { codDue, lockMail } from "./mail-record.js";

const Input = z.object({ characterId: IdSchema, mailId: MailIdSchema });

/**
 * Pays a mail's cash on delivery (ClientMailPayCod 0x0123): the holder's purse pays the sender's
 * purse directly, two ledger entries ("mail <id> cod", source mail) in one transaction; then the
 * attachments can be taken and the mail is not returnable. The sender gets mail.cod-paid. (Where
 * NexusForever sends the sender a "Cash from" mail, we credit the purse: one movement less.)
 * Throws DbError MAIL_DOES_NOT_EXIST, MAIL_COD_NOT_DUE (none asked, paid, or the sender's
 * character is gone), INSUFFICIENT_FUNDS, BALANCE_OVERFLOW, INVALID_INPUT; nothing changes then.
 */
export const payMailCod = defineAction({
  name: "mail.pay-cod",
  input: Input,
  describe: (i) => `Paying the cash on delivery of mail ${i.mailId} for character ${i.characterId}`,
  run: async (ctx, input) => {
    const mail = await lockMail(ctx.tx, input.mailId, input.characterId);
    const details = { mailId: mail.id.toString(), characterId: input.characterId };
    if (!codDue(mail) || mail.senderCharacterId === null) {
      throw new DbError(DB_ERROR_CODES.MAIL_COD_NOT_DUE, `Mail ${mail.id} has no cash on delivery to pay`, { details });
    }
    const reason = `mail ${mail.id} cod`;
    await changeBalance(ctx, { currency: "gold", characterId: mail.recipientCharacterId, delta: -mail.cod, reason, source: "mail" });
    const credit = await changeBalance(ctx, { currency: "gold", characterId: mail.senderCharacterId, delta: mail.cod, reason, source: "mail" });
    await ctx.tx.mail.update({ where: { id: mail.id }, data: { codPaidAt: ctx.now, flags: mail.flags | MAIL_FLAG.NotReturnable } });
    ctx.emit({
      kind: "mail.cod-paid",
      accountId: credit.accountId,
      characterId: mail.senderCharacterId,
      mailId: mail.id,
      payerCharacterId: mail.recipientCharacterId,
      payerName: mail.recipientName,
      amount: mail.cod,
    });
    return { paid: mail.cod };
  },
});
