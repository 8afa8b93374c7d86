import { t } from "../../schema/types";
import { identity } from "./identity";

/**
 * One attachment of a mail in {@link ServerMailAvailable} (NexusForever
 * `Model/ServerMailAvailable.cs`, class Attachment): item id u18, stack size u32, then fields
 * NexusForever leaves at zero (u32, u64, u32, u64, u18, 20 bytes, 32 bytes).
 */
export const mailAttachment = t.struct({
  itemId: t.uint(18),
  amount: t.u32,
  unknown3: t.u32,
  unknown4: t.u64,
  unknown5: t.u32,
  unknown6: t.u64,
  unknown7: t.uint(18),
  unknown8: t.bytes(20),
  unknown9: t.bytes(32),
});

/**
 * One mail of {@link ServerMailAvailable} (NexusForever `Model/ServerMailAvailable.cs`, class Mail):
 * id, SenderType (32 bits), ContentType (u14), subject and body (wide strings; a non-zero text
 * entry id u21 replaces them), creature id u18, currency type u4 (0 credits) and amount u64 (gold
 * in the mail, copper), cash on delivery u64, days to expiry f32, MailFlag bits (32), the sender's
 * identity, and u32 count + attachments.
 */
export const mailEntry = t.struct({
  mailId: t.u64,
  senderType: t.u32,
  contentType: t.uint(14),
  subject: t.wstring({ max: 256 }),
  body: t.wstring({ max: 2048 }),
  textEntrySubject: t.uint(21),
  textEntryMessage: t.uint(21),
  creatureId: t.uint(18),
  currencyType: t.uint(4),
  currencyAmount: t.u64,
  costOnDelivery: t.u64,
  expiryInDays: t.f32,
  flags: t.u32,
  sender: identity,
  attachments: t.array(t.u32, mailAttachment, { max: 10 }),
});
