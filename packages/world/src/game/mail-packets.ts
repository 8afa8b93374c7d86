// ServerMailAvailable's mail entries, built from the db's mailbox view in one place.
import type { MailAttachmentView, MailView } from "@bezgelor/db";
import type { ServerMailAvailable, PacketValue } from "@bezgelor/protocol";

const DAY_MS = 86_400_000;
const EMPTY_20 = new Uint8Array(20);
const EMPTY_32 = new Uint8Array(32);

type MailEntry = PacketValue<typeof ServerMailAvailable>["mails"][number];
type AttachmentValue = MailEntry["attachments"][number];

const positive = (value: unknown, fallback: number) => (typeof value === "number" && Number.isInteger(value) && value > 0 ? value : fallback);

/**
 * One attachment: an item stack shows its item id and count. A grant offer shows the `itemId`
 * and `count` its description carries (the storefront's gifts name the item they grant), else
 * item 0, count 1: the client then shows an empty slot that can still be taken.
 */
function attachmentValue(a: MailAttachmentView): AttachmentValue {
  const described = a.kind === "grant" && typeof a.grant === "object" && a.grant !== null ? (a.grant as Record<string, unknown>) : {};
  const itemId = a.kind === "item" ? a.itemId : positive(described.itemId, 0);
  const amount = a.kind === "item" ? a.count : positive(described.count, 1);
  return { itemId, amount, unknown3: 0, unknown4: 0n, unknown5: 0, unknown6: 0n, unknown7: 0, unknown8: EMPTY_20, unknown9: EMPTY_32 };
}

/**
 * A mail as ServerMailAvailable carries it: the gold still in it as credits (currency type 0),
 * the cash on delivery still due, days left before expiry, the flags, the sender's identity
 * (character 0 for system mail) and the attachments still in it, in slot order (the client's
 * attachment index is the position in this list, as in NexusForever's MailItem).
 */
export function mailEntry(realmId: number, mail: MailView, now: Date): MailEntry {
  return {
    mailId: mail.mailId,
    senderType: mail.senderType,
    contentType: mail.contentType,
    subject: mail.subject,
    body: mail.body,
    textEntrySubject: 0,
    textEntryMessage: 0,
    creatureId: mail.creatureId ?? 0,
    currencyType: 0,
    currencyAmount: mail.gold,
    costOnDelivery: mail.codDue,
    expiryInDays: Math.max(0, (mail.expiresAt.getTime() - now.getTime()) / DAY_MS),
    flags: mail.flags,
    sender: { realmId, characterId: BigInt(mail.senderCharacterId ?? 0) },
    attachments: mail.attachments.map(attachmentValue),
  };
}
