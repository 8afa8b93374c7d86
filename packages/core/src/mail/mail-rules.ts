// Rules of sending and keeping mail, as functions of what is asked and what the sender has.
// Behaviour follows NexusForever's MailManager (Source/NexusForever.Game/Entity/MailManager.cs):
// COD and sent credits exclude each other, COD needs an item attached, taking anything makes the
// mail not returnable.
import type { Ok, Refused } from "../result";
import { unshownCharacter } from "../text/unshown-characters";
import { MAIL_FLAG, MAIL_LIMITS } from "./mail-codes";

/** Why a mail cannot be sent as asked. */
export const MAIL_REFUSAL = {
  CANNOT_MAIL_SELF: "cannot_mail_self",
  INVALID_TEXT: "invalid_text",
  COD_AND_GIFT: "cod_and_gift",
  /** Cash on delivery with nothing to deliver (NexusForever answers FailedToCreate). */
  COD_WITHOUT_ATTACHMENTS: "cod_without_attachments",
  TOO_MANY_ATTACHMENTS: "too_many_attachments",
  /** An item stack outside 1..the item's maxStack (see `checkMailStacks`). */
  INVALID_STACK: "invalid_stack",
} as const;

/** One of the {@link MAIL_REFUSAL} values. */
export type MailRefusalReason = (typeof MAIL_REFUSAL)[keyof typeof MAIL_REFUSAL];

/**
 * True when subject and body are text the client could have sent and other players may be shown
 * (see {@link mailTextProblem}). Characters are Unicode code points.
 */
export function isValidMailText(subject: string, body: string): boolean {
  return mailTextProblem(subject, body) === undefined;
}

/**
 * Why a subject and body are not text the client shows (for messages), or undefined when they are:
 * a subject of 1..49 characters that is not blank, a body of 0..499 characters, and neither holds
 * a control character or a bidirectional override (core `unshownCharacter`, the rule chat lines
 * follow). A body is several lines, so it may hold line feeds ("\n"); a subject is one line and may
 * not. Neither may hold "\r" (a line break is "\n" alone; a caller holding CRLF text converts it
 * first) nor a tab (a space says the same, and each reader of the text, client, log or terminal,
 * would show a tab at its own width).
 */
export function mailTextProblem(subject: string, body: string): string | undefined {
  const subjectLength = [...subject].length;
  if (subjectLength < 1 || subject.trim() === "") return "the subject is empty";
  if (subjectLength > MAIL_LIMITS.subjectLength) return `the subject is ${subjectLength} characters; at most ${MAIL_LIMITS.subjectLength}`;
  const inSubject = unshownCharacter(subject);
  if (inSubject !== undefined) return `the subject holds ${inSubject}, a line break or control character`;
  const bodyLength = [...body].length;
  if (bodyLength > MAIL_LIMITS.bodyLength) return `the body is ${bodyLength} characters; at most ${MAIL_LIMITS.bodyLength}`;
  const inBody = unshownCharacter(body, { lineFeeds: true });
  if (inBody !== undefined) return `the body holds ${inBody}, a control character`;
  return undefined;
}

/** What a player asks to send. */
export interface MailSendRequest {
  senderCharacterId: number;
  recipientCharacterId: number;
  subject: string;
  body: string;
  /** Credits sent with the mail (0n for none). */
  gold: bigint;
  /** Cash on delivery asked of the recipient (0n for none). */
  cod: bigint;
  /** Attachment slots in use. */
  attachments: number;
}

/** The decision of {@link checkMailSend}: what the sender pays when allowed. */
export type MailSendDecision = Ok<{ debit: bigint }> | Refused<MailRefusalReason>;

/**
 * Checks a player's mail in NexusForever's order (self, COD and gift, COD without items) with our
 * text check in between; `postage` is the configured cost of sending. The sender pays
 * `gold + postage`; whether they can is for the ledger to say.
 */
export function checkMailSend(request: MailSendRequest, postage: bigint): MailSendDecision {
  if (request.senderCharacterId === request.recipientCharacterId) return { ok: false, reason: MAIL_REFUSAL.CANNOT_MAIL_SELF };
  if (!isValidMailText(request.subject, request.body)) return { ok: false, reason: MAIL_REFUSAL.INVALID_TEXT };
  if (request.cod > 0n && request.gold > 0n) return { ok: false, reason: MAIL_REFUSAL.COD_AND_GIFT };
  if (request.cod > 0n && request.attachments === 0) return { ok: false, reason: MAIL_REFUSAL.COD_WITHOUT_ATTACHMENTS };
  if (request.attachments > MAIL_LIMITS.attachments) return { ok: false, reason: MAIL_REFUSAL.TOO_MANY_ATTACHMENTS };
  return { ok: true, debit: request.gold + postage };
}

/** What a mail looks like to the expiry sweep. */
export interface MailExpiryState {
  flags: number;
  expiresAt: Date;
  /** The player who sent it, when it came from a player who still exists. */
  senderCharacterId: number | null;
  /** Already sent back once. */
  returned: boolean;
  /** Gold or attachments left in it. */
  holdsValue: boolean;
}

/**
 * What happens to a mail at `now`: nothing before it expires (or with NoExpiry); an empty mail
 * is deleted; a player's mail goes back to its sender; mail that cannot go back (from the system,
 * already returned, or from a deleted character) is settled: what is left in it is given to
 * whoever holds it, then it is deleted. Value is never destroyed.
 */
export function mailExpiryOutcome(mail: MailExpiryState, now: Date): "keep" | "delete" | "return" | "settle" {
  if ((mail.flags & MAIL_FLAG.NoExpiry) !== 0 || mail.expiresAt > now) return "keep";
  if (!mail.holdsValue) return "delete";
  return mail.senderCharacterId !== null && !mail.returned ? "return" : "settle";
}

/**
 * Whether the holder may send a mail back: only a player's mail, once, and not after anything
 * was taken from it or its COD paid (NotReturnable, as NexusForever sets it).
 */
export function canReturnMail(mail: { flags: number; senderCharacterId: number | null; returned: boolean }): boolean {
  return mail.senderCharacterId !== null && !mail.returned && (mail.flags & MAIL_FLAG.NotReturnable) === 0;
}

/** When a mail delivered at `now` expires. */
export function mailExpiresAt(now: Date, expiryDays: number): Date {
  return new Date(now.getTime() + expiryDays * 86_400_000);
}
