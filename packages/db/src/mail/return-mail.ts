import { canReturnMail } from "@bezgelor/core";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { IdSchema, MailIdSchema } from "../validation.js";
import { lockMail } from "./mail-record.js";
import { DEFAULT_MAIL_OPTIONS, MailOptionsSchema } from "./mail-options.js";
import { sendBack } from "./send-back.js";

const Input = z.object({ characterId: IdSchema, mailId: MailIdSchema, options: MailOptionsSchema.default(DEFAULT_MAIL_OPTIONS) });

/**
 * Returns a mail to its sender (ClientMailReturn 0x0124) with everything in it (gold, items,
 * grant offers); the sender may take it back as usual, a grant offer with a refund being
 * refunded. Only a player's untouched mail, once (core canReturnMail). Throws DbError
 * MAIL_DOES_NOT_EXIST, MAIL_CANNOT_RETURN (system mail, already returned, something taken or
 * COD paid, sender gone), INVALID_INPUT; nothing changes then.
 */
export const returnMail = defineAction({
  name: "mail.return",
  input: Input,
  describe: (i) => `Returning mail ${i.mailId} of character ${i.characterId}`,
  run: async (ctx, input) => {
    const mail = await lockMail(ctx.tx, input.mailId, input.characterId);
    if (!canReturnMail({ flags: mail.flags, senderCharacterId: mail.senderCharacterId, returned: mail.returnedAt !== null })) {
      throw new DbError(DB_ERROR_CODES.MAIL_CANNOT_RETURN, `Mail ${mail.id} cannot be returned`, { details: { mailId: mail.id.toString() } });
    }
    const expiresAt = await sendBack(ctx, mail, input.options.expiryDays);
    return { senderCharacterId: mail.senderCharacterId!, expiresAt };
  },
});
