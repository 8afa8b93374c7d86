// Internal steps of the mail actions: lock a mail in its holder's mailbox, and hand out what an
// attachment holds. Every mutating mail action locks the mail row first (FOR UPDATE), so actions
// on one mail serialise and each sees the other's result.
import type { ActionContext } from "../actions/action.js";
import { changeBalance } from "../currency/change-currency.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { changeItemCount } from "../inventory/change-item-count.js";
import type { Prisma } from "../generated/prisma/client";
import { fromJsonColumn } from "../json-codec.js";
import { GrantDescriptionSchema, type MailGrantHandlers } from "./mail-grants.js";

/** A mail row as the actions use it. */
export interface LockedMail {
  id: bigint;
  recipientCharacterId: number;
  recipientAccountId: number;
  recipientName: string;
  senderType: number;
  senderCharacterId: number | null;
  senderName: string;
  subject: string;
  flags: number;
  gold: bigint;
  cod: bigint;
  codPaidAt: Date | null;
  returnedAt: Date | null;
  expiresAt: Date;
  attachments: number;
}

interface Row {
  id: bigint;
  recipient_character_id: number;
  account_id: number;
  name: string;
  sender_type: number;
  sender_character_id: number | null;
  sender_name: string;
  subject: string;
  flags: number;
  gold: bigint;
  cod: bigint;
  cod_paid_at: Date | null;
  returned_at: Date | null;
  expires_at: Date;
  attachments: bigint;
}

/**
 * Locks mail `mailId` (FOR UPDATE) if `holderId` holds it (any holder when null, for the sweep).
 * Throws DbError MAIL_DOES_NOT_EXIST otherwise, as the client is told for a mail it does not have.
 */
export async function lockMail(tx: Prisma.TransactionClient, mailId: bigint, holderId: number | null): Promise<LockedMail> {
  const rows = await tx.$queryRaw<Row[]>`SELECT m."id", m."recipient_character_id", c."account_id", c."name", m."sender_type",
      m."sender_character_id", m."sender_name", m."subject", m."flags", m."gold", m."cod", m."cod_paid_at", m."returned_at", m."expires_at",
      (SELECT count(*) FROM "mail_attachments" a WHERE a."mail_id" = m."id") AS "attachments"
    FROM "mail" m JOIN "characters" c ON c."id" = m."recipient_character_id"
    WHERE m."id" = ${mailId} AND (${holderId}::int IS NULL OR m."recipient_character_id" = ${holderId}::int)
    FOR UPDATE OF m`;
  const r = rows[0];
  if (!r) {
    throw new DbError(DB_ERROR_CODES.MAIL_DOES_NOT_EXIST, `No mail ${mailId} in the mailbox of character ${holderId}`, {
      details: { mailId: mailId.toString(), characterId: holderId },
    });
  }
  return {
    id: BigInt(r.id),
    recipientCharacterId: r.recipient_character_id,
    recipientAccountId: r.account_id,
    recipientName: r.name,
    senderType: r.sender_type,
    senderCharacterId: r.sender_character_id,
    senderName: r.sender_name,
    subject: r.subject,
    flags: r.flags,
    gold: BigInt(r.gold),
    cod: BigInt(r.cod),
    codPaidAt: r.cod_paid_at,
    returnedAt: r.returned_at,
    expiresAt: r.expires_at,
    attachments: Number(r.attachments),
  };
}

/** True while the mail holds gold or attachments. */
export function holdsValue(mail: LockedMail): boolean {
  return mail.gold > 0n || mail.attachments > 0;
}

/** True while a cash on delivery is asked and not paid (nothing can be taken then). */
export function codDue(mail: LockedMail): boolean {
  return mail.cod > 0n && mail.codPaidAt === null && mail.returnedAt === null;
}

/** An attachment row. */
export interface AttachmentRow {
  slot: number;
  kind: string;
  itemId: number | null;
  count: number | null;
  grant: unknown;
  refund: unknown;
}

/**
 * Removes attachment `slot` from the locked mail and gives its content to the holder: items into
 * the inventory, a grant through its handler, or (for a grant going back to the mail's original
 * sender after a return) its refund when it has one. Returns what was given, or null for an
 * empty slot. Throws DbError INVENTORY_OVERFLOW, MAIL_GRANT_UNSUPPORTED, or whatever the handler
 * throws; the caller's transaction then rolls everything back.
 */
export async function giveAttachment(ctx: ActionContext, mail: LockedMail, slot: number, grants: MailGrantHandlers): Promise<AttachmentRow | null> {
  const rows = await ctx.tx.$queryRaw<AttachmentRow[]>`DELETE FROM "mail_attachments" WHERE "mail_id" = ${mail.id} AND "slot" = ${slot}
    RETURNING "slot", "kind", "item_id" AS "itemId", "count", "grant", "refund"`;
  const attachment = rows[0];
  if (!attachment) return null;
  const to = { accountId: mail.recipientAccountId, characterId: mail.recipientCharacterId };
  if (attachment.kind === "item") {
    const count = await changeItemCount(ctx, { ...to, itemId: attachment.itemId!, delta: attachment.count! });
    if (count === null) {
      throw new DbError(DB_ERROR_CODES.INVENTORY_OVERFLOW, `Character ${to.characterId} cannot hold ${attachment.count} more of item ${attachment.itemId}`, {
        details: { ...to, itemId: attachment.itemId, count: attachment.count },
      });
    }
    return attachment;
  }
  const back = mail.returnedAt !== null && attachment.refund !== null;
  const description = GrantDescriptionSchema.parse(fromJsonColumn(back ? attachment.refund : attachment.grant));
  const handler = grants[description.type];
  const apply = back ? handler?.refund?.bind(handler) : handler?.grant.bind(handler);
  if (!apply) {
    throw new DbError(
      DB_ERROR_CODES.MAIL_GRANT_UNSUPPORTED,
      `No handler ${back ? "refunds" : "grants"} "${description.type}" (mail ${mail.id}, slot ${slot})`,
      {
        details: { mailId: mail.id.toString(), slot, type: description.type },
      },
    );
  }
  await apply(ctx, to, description);
  return attachment;
}

/** Credits the mail's gold to its holder (ledger reason "mail <id>") and empties it. Returns the amount. */
export async function giveGold(ctx: ActionContext, mail: LockedMail): Promise<bigint> {
  if (mail.gold === 0n) return 0n;
  await changeBalance(ctx, { currency: "gold", characterId: mail.recipientCharacterId, delta: mail.gold, reason: `mail ${mail.id}`, source: "mail" });
  await ctx.tx.mail.update({ where: { id: mail.id }, data: { gold: 0n } });
  return mail.gold;
}
