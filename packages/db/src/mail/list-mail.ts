import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { fromJsonColumn } from "../json-codec.js";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link listMail}. */
export interface ListMailOptions {
  characterId: number;
}

/** An attachment as ServerMailAvailable shows it. */
export type MailAttachmentView =
  { slot: number; kind: "item"; itemId: number; count: number } | { slot: number; kind: "grant"; grant: unknown; refund: unknown };

/** A mail in a mailbox, with what ServerMailAvailable needs. */
export interface MailView {
  mailId: bigint;
  /** SenderType: Player 0, Creature 1, GM 2. */
  senderType: number;
  senderCharacterId: number | null;
  senderName: string;
  creatureId: number | null;
  subject: string;
  body: string;
  contentType: number;
  flags: number;
  /** Gold still in the mail. */
  gold: bigint;
  /** Cash on delivery still due (0n once paid or after a return). */
  codDue: bigint;
  returned: boolean;
  createdAt: Date;
  expiresAt: Date;
  attachments: MailAttachmentView[];
}

const ListMailInput = z.object({ characterId: IdSchema });

/**
 * The character's mailbox, oldest first; empty for an unknown character. Throws DbError
 * INVALID_INPUT for a malformed id.
 */
export async function listMail(db: DbClient, options: ListMailOptions): Promise<MailView[]> {
  const { characterId } = parseInput(ListMailInput, options);
  try {
    const rows = await db.mail.findMany({
      where: { recipientCharacterId: characterId },
      orderBy: { id: "asc" },
      include: { attachments: { orderBy: { slot: "asc" } } },
    });
    return rows.map((m) => ({
      mailId: m.id,
      senderType: m.senderType,
      senderCharacterId: m.senderCharacterId,
      senderName: m.senderName,
      creatureId: m.creatureId,
      subject: m.subject,
      body: m.body,
      contentType: m.contentType,
      flags: m.flags,
      gold: m.gold,
      codDue: m.codPaidAt === null && m.returnedAt === null ? m.cod : 0n,
      returned: m.returnedAt !== null,
      createdAt: m.createdAt,
      expiresAt: m.expiresAt,
      attachments: m.attachments.map((a): MailAttachmentView =>
        a.kind === "item"
          ? { slot: a.slot, kind: "item", itemId: a.itemId!, count: a.count! }
          : { slot: a.slot, kind: "grant", grant: fromJsonColumn(a.grant), refund: a.refund === null ? null : fromJsonColumn(a.refund) },
      ),
    }));
  } catch (error) {
    throw toDbError(error, `Listing the mail of character ${characterId} failed`);
  }
}
