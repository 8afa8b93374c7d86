// Creating a mail with its attachment rows and the mail.arrived event; shared by player and
// system mail. Value put into it (gold, items) must already have left its owner in the same
// action, or be new value from the system.
import type { ActionContext } from "../actions/action.js";
import { toJsonColumn } from "../json-codec.js";
import type { GrantDescription } from "./mail-grants.js";

/** One attachment to write, in slot order. */
export type NewAttachment = { kind: "item"; itemId: number; count: number } | { kind: "grant"; grant: GrantDescription; refund: GrantDescription | null };

/** A mail to write. */
export interface NewMail {
  recipient: { id: number; accountId: number };
  senderType: number;
  senderCharacterId: number | null;
  senderName: string;
  creatureId: number | null;
  subject: string;
  body: string;
  contentType: number;
  flags: number;
  gold: bigint;
  cod: bigint;
  expiresAt: Date;
  attachments: readonly NewAttachment[];
}

/** Writes the mail and its attachments and emits mail.arrived for the recipient; returns its id. */
export async function writeMail(ctx: ActionContext, mail: NewMail): Promise<bigint> {
  const row = await ctx.tx.mail.create({
    data: {
      recipientCharacterId: mail.recipient.id,
      senderType: mail.senderType,
      senderCharacterId: mail.senderCharacterId,
      senderName: mail.senderName,
      creatureId: mail.creatureId,
      subject: mail.subject,
      body: mail.body,
      contentType: mail.contentType,
      flags: mail.flags,
      gold: mail.gold,
      cod: mail.cod,
      createdAt: ctx.now,
      expiresAt: mail.expiresAt,
    },
    select: { id: true },
  });
  if (mail.attachments.length > 0) {
    await ctx.tx.mailAttachment.createMany({
      data: mail.attachments.map((a, slot) =>
        a.kind === "item"
          ? { mailId: row.id, slot, kind: "item", itemId: a.itemId, count: a.count }
          : { mailId: row.id, slot, kind: "grant", grant: toJsonColumn(a.grant), ...(a.refund ? { refund: toJsonColumn(a.refund) } : {}) },
      ),
    });
  }
  ctx.emit({
    kind: "mail.arrived",
    accountId: mail.recipient.accountId,
    characterId: mail.recipient.id,
    mailId: row.id,
    reason: "sent",
    senderType: mail.senderType,
    senderName: mail.senderName,
    subject: mail.subject,
  });
  return row.id;
}
