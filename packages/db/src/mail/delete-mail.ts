import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { IdSchema, MailIdSchema } from "../validation.js";
import { holdsValue, lockMail } from "./mail-record.js";

const Input = z.object({ characterId: IdSchema, mailId: MailIdSchema });

/**
 * Deletes a mail from the character's mailbox (ClientMailDelete 0x011E, once per id), emitting
 * mail.removed (deleted). Refused while it holds gold or attachments (the database also refuses
 * to drop attachment rows with their mail). Throws DbError MAIL_DOES_NOT_EXIST,
 * MAIL_CANNOT_DELETE, INVALID_INPUT; nothing changes then.
 */
export const deleteMail = defineAction({
  name: "mail.delete",
  input: Input,
  describe: (i) => `Deleting mail ${i.mailId} of character ${i.characterId}`,
  run: async (ctx, input) => {
    const mail = await lockMail(ctx.tx, input.mailId, input.characterId);
    if (holdsValue(mail)) {
      throw new DbError(DB_ERROR_CODES.MAIL_CANNOT_DELETE, `Mail ${mail.id} still holds gold or attachments`, {
        details: { mailId: mail.id.toString(), gold: mail.gold.toString(), attachments: mail.attachments },
      });
    }
    await ctx.tx.mail.delete({ where: { id: mail.id } });
    ctx.emit({ kind: "mail.removed", accountId: mail.recipientAccountId, characterId: mail.recipientCharacterId, mailId: mail.id, reason: "deleted" });
    return { mailId: mail.id };
  },
});
