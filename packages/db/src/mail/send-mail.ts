// ClientMailSend (0x0168): a player's mail. One transaction: the sender pays the gold sent and the
// postage (two ledger entries), the items leave the sender's inventory, and the mail holds both
// until taken, returned or settled. Concurrent sends from one purse serialise on its row and
// never overdraw.
import { checkMailSend, MAIL_CONTENT_TYPE, MAIL_SENDER_TYPE, mailExpiresAt, mailTextProblem } from "@bezgelor/core";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { changeBalance } from "../currency/change-currency.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { characterIdByName } from "../friends/friend-entries.js";
import { isIgnoredBy } from "../friends/relations.js";
import { changeItemCount } from "../inventory/change-item-count.js";
import { IdSchema } from "../validation.js";
import { GoldSchema, ItemStacksSchema, mailRefusal, MailTextSchema, requireAttachableStacks } from "./mail-input.js";
import { DEFAULT_MAIL_OPTIONS, MailOptionsSchema } from "./mail-options.js";
import { writeMail } from "./write-mail.js";

const Input = z.object({
  /** The sending character. */
  characterId: IdSchema,
  /** The recipient's character name (case-insensitive). */
  to: z.string().max(64),
  subject: MailTextSchema,
  body: MailTextSchema,
  /** Credits sent (escrowed in the mail). */
  gold: GoldSchema,
  /** Cash on delivery asked of the recipient. */
  cod: GoldSchema,
  /** Item stacks taken from the sender's inventory into the mail, one slot each. */
  items: ItemStacksSchema,
  options: MailOptionsSchema.default(DEFAULT_MAIL_OPTIONS),
});

/** What {@link sendMail} did. */
export interface SendMailResult {
  mailId: bigint;
  recipientCharacterId: number;
  /** Gold taken from the sender: gold sent plus postage. */
  debited: bigint;
  expiresAt: Date;
}

async function run(ctx: ActionContext, input: z.output<typeof Input>): Promise<SendMailResult> {
  const { tx } = ctx;
  const recipientId = await characterIdByName(tx, input.to);
  const people = await tx.character.findMany({ where: { id: { in: [input.characterId, recipientId] } }, select: { id: true, accountId: true, name: true } });
  const sender = people.find((p) => p.id === input.characterId);
  const recipient = people.find((p) => p.id === recipientId)!;
  if (!sender) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${input.characterId}`, { details: { characterId: input.characterId } });
  const details = { senderId: sender.id, recipientId };
  const decision = checkMailSend(
    {
      senderCharacterId: sender.id,
      recipientCharacterId: recipientId,
      subject: input.subject,
      body: input.body,
      gold: input.gold,
      cod: input.cod,
      attachments: input.items.length,
    },
    input.options.postage,
  );
  if (!decision.ok) {
    const why = decision.reason === "invalid_text" ? (mailTextProblem(input.subject, input.body) ?? decision.reason) : decision.reason;
    throw mailRefusal(decision.reason, `${sender.name} cannot mail ${recipient.name}: ${why}`, details);
  }
  requireAttachableStacks(ctx, input.items);
  if (await isIgnoredBy(tx, { characterId: sender.id, otherCharacterId: recipientId })) {
    throw new DbError(DB_ERROR_CODES.MAIL_RECIPIENT_IGNORES_SENDER, `${recipient.name} ignores ${sender.name}`, { details });
  }
  ctx.step("mail.checked");
  const expiresAt = mailExpiresAt(ctx.now, input.options.expiryDays);
  const mailId = await writeMail(ctx, {
    recipient,
    senderType: MAIL_SENDER_TYPE.Player,
    senderCharacterId: sender.id,
    senderName: sender.name,
    creatureId: null,
    subject: input.subject,
    body: input.body,
    contentType: MAIL_CONTENT_TYPE.PlayerMessage,
    flags: 0,
    gold: input.gold,
    cod: input.cod,
    expiresAt,
    attachments: input.items.map((i) => ({ kind: "item", itemId: i.itemId, count: i.count })),
  });
  const debit = (delta: bigint, reason: string) =>
    delta === 0n ? undefined : changeBalance(ctx, { currency: "gold", characterId: sender.id, delta: -delta, reason, source: "mail" });
  await debit(input.gold, `mail ${mailId} gold`);
  await debit(input.options.postage, `mail ${mailId} postage`);
  ctx.step("mail.paid");
  for (const item of input.items) {
    const left = await changeItemCount(ctx, { characterId: sender.id, accountId: sender.accountId, itemId: item.itemId, delta: -item.count });
    if (left === null) {
      throw new DbError(DB_ERROR_CODES.MAIL_NOT_ENOUGH_ITEMS, `${sender.name} does not hold ${item.count} of item ${item.itemId} to attach`, {
        details: { ...details, itemId: item.itemId, count: item.count },
      });
    }
  }
  ctx.step("mail.escrowed");
  return { mailId, recipientCharacterId: recipientId, debited: decision.debit, expiresAt };
}

/**
 * Sends a player's mail from `characterId` to the character named `to`: checks (core
 * checkMailSend) self, text (core mailTextProblem: subject 1..49 characters on one line, body
 * 0..499, neither holding a control character or a bidirectional override besides the body's
 * line feeds), COD with gold, COD without
 * items; each item stack 1..its item's maxStack (core checkMailStacks); refuses when the
 * recipient ignores the sender; then debits `gold + options.postage`
 * (ledger reasons "mail <id> gold" and "mail <id> postage", source mail), moves the item stacks
 * from the sender's inventory into the mail, and emits mail.arrived for the recipient (online or
 * not) with currency.changed and inventory.changed for the sender. Expires after
 * `options.expiryDays`. Throws DbError CHARACTER_NOT_FOUND (recipient or sender),
 * MAIL_CANNOT_MAIL_SELF, MAIL_INVALID_TEXT, MAIL_COD_AND_GIFT, MAIL_COD_WITHOUT_ATTACHMENTS,
 * UNKNOWN_GAME_DATA, MAIL_ITEM_STACK_INVALID, MAIL_RECIPIENT_IGNORES_SENDER, INSUFFICIENT_FUNDS,
 * MAIL_NOT_ENOUGH_ITEMS, INVALID_INPUT (more
 * than 10 stacks, bad amounts); nothing changes on any of them.
 * Source: NexusForever MailManager.SendMail (checks and their order).
 */
export const sendMail = defineAction({
  name: "mail.send",
  input: Input,
  describe: (i) => `Sending mail from character ${i.characterId} to ${i.to}`,
  run,
});
