import { MAIL_FLAG } from "@bezgelor/core";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { IdSchema, MailIdSchema } from "../validation.js";
import { giveGold, lockMail } from "./mail-record.js";

const Input = z.object({ characterId: IdSchema, mailId: MailIdSchema });

/**
 * Takes the gold sent with a mail (ClientMailTakeCash 0x0127) into the holder's purse, with its
 * ledger entry (reason "mail <id>", source mail) and currency.changed; the mail becomes not
 * returnable. Throws DbError MAIL_DOES_NOT_EXIST, MAIL_NO_ATTACHMENT (no gold left, as
 * NexusForever answers), BALANCE_OVERFLOW, INVALID_INPUT; nothing changes then.
 */
export const takeMailGold = defineAction({
  name: "mail.take-gold",
  input: Input,
  describe: (i) => `Taking the gold of mail ${i.mailId} for character ${i.characterId}`,
  run: async (ctx, input) => {
    const mail = await lockMail(ctx.tx, input.mailId, input.characterId);
    if (mail.gold === 0n) {
      throw new DbError(DB_ERROR_CODES.MAIL_NO_ATTACHMENT, `Mail ${mail.id} holds no gold`, { details: { mailId: mail.id.toString() } });
    }
    const gold = await giveGold(ctx, mail);
    await ctx.tx.mail.update({ where: { id: mail.id }, data: { flags: mail.flags | MAIL_FLAG.NotReturnable } });
    return { gold };
  },
});
