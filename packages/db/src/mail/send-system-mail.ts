// Mail from the game itself: an operator (GM), a creature, or a service sending on a player's
// behalf (a storefront gift). Its gold, items and grants are new value, entering the economy when
// taken; nothing is debited here. Idempotent with a key, so an operator's retry never sends twice.
import { mailTextProblem, MAIL_CONTENT_TYPE, MAIL_FLAG, MAIL_LIMITS, MAIL_SENDER_TYPE, mailExpiresAt } from "@bezgelor/core";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { characterIdByName } from "../friends/friend-entries.js";
import { isIgnoredBy } from "../friends/relations.js";
import { IdSchema, refuseUnshown } from "../validation.js";
import { GrantDescriptionSchema } from "./mail-grants.js";
import { GoldSchema, ItemStackSchema, MailTextSchema, requireAttachableStacks } from "./mail-input.js";
import { DEFAULT_MAIL_OPTIONS, MailOptionsSchema } from "./mail-options.js";
import { writeMail, type NewAttachment } from "./write-mail.js";

/** The name a GM or creature mail shows: what chat and mail text may hold (core unshownCharacter), on one line. */
const SenderName = z.string().trim().min(1).max(32).superRefine(refuseUnshown);

const Input = z.object({
  /** The recipient, by character name or id. */
  to: z.union([z.object({ name: z.string().max(64) }), z.object({ characterId: IdSchema })]),
  /** GM and Creature show `name`; a player sender (a gift) shows that character. */
  from: z.discriminatedUnion("type", [
    z.object({ type: z.literal("gm"), name: SenderName }),
    z.object({ type: z.literal("creature"), name: SenderName, creatureId: IdSchema.optional() }),
    z.object({ type: z.literal("player"), characterId: IdSchema }),
  ]),
  subject: MailTextSchema,
  body: MailTextSchema.default(""),
  gold: GoldSchema,
  items: z.array(ItemStackSchema).default([]),
  /** Offers to grant on claim, after the item stacks in slot order. */
  grants: z.array(z.object({ grant: GrantDescriptionSchema, refund: GrantDescriptionSchema.optional() })).default([]),
  /** The client's ContentType; AccountItem (23) for storefront gifts. */
  contentType: z.number().int().min(0).max(16383).default(MAIL_CONTENT_TYPE.PlayerMessage),
  gift: z.boolean().default(false),
  /** The recipient cannot send it back (NotReturnable). */
  notReturnable: z.boolean().default(false),
  options: MailOptionsSchema.default(DEFAULT_MAIL_OPTIONS),
});

/** What {@link sendSystemMail} did. */
export interface SendSystemMailResult {
  mailId: bigint;
  recipientCharacterId: number;
  expiresAt: Date;
}

async function run(ctx: ActionContext, input: z.output<typeof Input>): Promise<SendSystemMailResult> {
  const { tx } = ctx;
  const recipientId = "name" in input.to ? await characterIdByName(tx, input.to.name) : input.to.characterId;
  const recipient = await tx.character.findUnique({ where: { id: recipientId }, select: { id: true, accountId: true, name: true } });
  if (!recipient) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${recipientId}`, { details: { characterId: recipientId } });
  const details = { recipientId, from: input.from.type };
  const textProblem = mailTextProblem(input.subject, input.body);
  if (textProblem) throw new DbError(DB_ERROR_CODES.MAIL_INVALID_TEXT, `Not text the client shows: ${textProblem}`, { details });
  requireAttachableStacks(ctx, input.items);
  if (input.items.length + input.grants.length > MAIL_LIMITS.attachments) {
    throw new DbError(DB_ERROR_CODES.INVALID_INPUT, `At most ${MAIL_LIMITS.attachments} attachments`, { details });
  }
  let sender = { type: MAIL_SENDER_TYPE.GM as number, characterId: null as number | null, name: "", creatureId: null as number | null };
  if (input.from.type === "player") {
    const from = input.from.characterId;
    const player = await tx.character.findUnique({ where: { id: from }, select: { name: true } });
    if (!player) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${from}`, { details: { characterId: from } });
    if (from === recipientId) throw new DbError(DB_ERROR_CODES.MAIL_CANNOT_MAIL_SELF, "A character cannot mail itself", { details });
    if (await isIgnoredBy(tx, { characterId: from, otherCharacterId: recipientId })) {
      throw new DbError(DB_ERROR_CODES.MAIL_RECIPIENT_IGNORES_SENDER, `${recipient.name} ignores ${player.name}`, { details });
    }
    sender = { type: MAIL_SENDER_TYPE.Player, characterId: from, name: player.name, creatureId: null };
  } else if (input.from.type === "creature") {
    sender = { type: MAIL_SENDER_TYPE.Creature, characterId: null, name: input.from.name, creatureId: input.from.creatureId ?? null };
  } else {
    sender = { type: MAIL_SENDER_TYPE.GM, characterId: null, name: input.from.name, creatureId: null };
  }
  const attachments: NewAttachment[] = [
    ...input.items.map((i) => ({ kind: "item" as const, itemId: i.itemId, count: i.count })),
    ...input.grants.map((g) => ({ kind: "grant" as const, grant: g.grant, refund: g.refund ?? null })),
  ];
  const flags = (input.gift ? MAIL_FLAG.IsGift : 0) | (input.notReturnable ? MAIL_FLAG.NotReturnable : 0);
  const expiresAt = mailExpiresAt(ctx.now, input.options.expiryDays);
  const mailId = await writeMail(ctx, {
    recipient,
    senderType: sender.type,
    senderCharacterId: sender.characterId,
    senderName: sender.name,
    creatureId: sender.creatureId,
    subject: input.subject,
    body: input.body,
    contentType: input.contentType,
    flags,
    gold: input.gold,
    cod: 0n,
    expiresAt,
    attachments,
  });
  return { mailId, recipientCharacterId: recipientId, expiresAt };
}

/**
 * Sends mail from the system (GM or Creature sender type with a name) or on a player's behalf
 * (sender type Player, e.g. a storefront gift with `gift` and content type AccountItem), holding
 * new gold, item stacks (each 1..its item's maxStack, as a player's) and grant offers (see
 * MailGrantHandler) in at most 10 slots. Emits
 * mail.arrived for the recipient. Idempotent with `idempotencyKey`: a retry returns the first
 * mail; the key with another request is IDEMPOTENCY_KEY_REUSED. Throws DbError
 * CHARACTER_NOT_FOUND, MAIL_INVALID_TEXT (core mailTextProblem: lengths, control characters,
 * bidirectional overrides), UNKNOWN_GAME_DATA (an item the data does not define),
 * MAIL_ITEM_STACK_INVALID (a stack past its item's maxStack), MAIL_CANNOT_MAIL_SELF and
 * MAIL_RECIPIENT_IGNORES_SENDER (player senders), INVALID_INPUT; nothing changes then.
 */
export const sendSystemMail = defineAction({
  name: "mail.send-system",
  input: Input,
  idempotent: true,
  describe: (i) => `Sending ${i.from.type} mail to ${"name" in i.to ? i.to.name : `character ${i.to.characterId}`}`,
  run,
});
