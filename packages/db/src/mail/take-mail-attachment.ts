// ClientMailTakeAttachment (0x0126): one slot into the holder's possessions. The mail row is
// locked first, so two takes of one slot serialise and the second finds it empty.
import { MAIL_FLAG } from "@bezgelor/core";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { IdSchema, MailIdSchema } from "../validation.js";
import { MailGrantHandlersSchema } from "./mail-grants.js";
import { codDue, giveAttachment, lockMail } from "./mail-record.js";

const Input = z.object({
  characterId: IdSchema,
  mailId: MailIdSchema,
  slot: z.number().int().min(0).max(9),
  /** Handlers for grant attachments, by description type. */
  grants: MailGrantHandlersSchema.default({}),
});

/** What {@link takeMailAttachment} gave. */
export type TakeMailAttachmentResult = { kind: "item"; slot: number; itemId: number; count: number } | { kind: "grant"; slot: number; refunded: boolean };

async function run(ctx: ActionContext, input: z.output<typeof Input>): Promise<TakeMailAttachmentResult> {
  const mail = await lockMail(ctx.tx, input.mailId, input.characterId);
  const details = { mailId: mail.id.toString(), slot: input.slot, characterId: input.characterId };
  if (codDue(mail)) throw new DbError(DB_ERROR_CODES.MAIL_COD_UNPAID, `Mail ${mail.id} asks ${mail.cod} gold cash on delivery first`, { details });
  const taken = await giveAttachment(ctx, mail, input.slot, input.grants);
  if (!taken) throw new DbError(DB_ERROR_CODES.MAIL_NO_ATTACHMENT, `Mail ${mail.id} has nothing in slot ${input.slot}`, { details });
  await ctx.tx.mail.update({ where: { id: mail.id }, data: { flags: mail.flags | MAIL_FLAG.NotReturnable } });
  return taken.kind === "item"
    ? { kind: "item", slot: taken.slot, itemId: taken.itemId!, count: taken.count! }
    : { kind: "grant", slot: taken.slot, refunded: mail.returnedAt !== null && taken.refund !== null };
}

/**
 * Takes attachment `slot` of a mail in the character's mailbox: an item stack goes into the
 * inventory (inventory.changed), a grant offer is granted through `grants[type]` (or, back with
 * its original sender after a return, refunded when it has a refund). The mail becomes not
 * returnable. Throws DbError MAIL_DOES_NOT_EXIST, MAIL_COD_UNPAID, MAIL_NO_ATTACHMENT (empty or
 * already taken), INVENTORY_OVERFLOW, MAIL_GRANT_UNSUPPORTED, INVALID_INPUT, or the handler's
 * error; nothing changes then. Source: NexusForever MailManager.MailTakeAttachment.
 */
export const takeMailAttachment = defineAction({
  name: "mail.take-attachment",
  input: Input,
  describe: (i) => `Taking slot ${i.slot} of mail ${i.mailId} for character ${i.characterId}`,
  run,
});
