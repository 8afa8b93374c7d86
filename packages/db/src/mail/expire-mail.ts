// The periodic sweep. Each expired mail is its own action (one transaction): a failure leaves
// that mail as it was, to be tried again, and never stops the others. What an expired mail holds
// is never destroyed: a player's mail goes back to its sender; mail that cannot go back (from the
// system, already returned once, or from a deleted character) is settled: its gold, items and
// grants go to whoever holds it, then it is deleted.
import { mailExpiryOutcome } from "@bezgelor/core";
import { z } from "zod";
import { defineAction, type ActionOptions } from "../actions/action.js";
import type { DbClient } from "../client.js";
import { isDbError, toDbError } from "../errors.js";
import { MailGrantHandlersSchema, type MailGrantHandlers } from "./mail-grants.js";
import { DEFAULT_MAIL_OPTIONS, MailOptionsSchema, type MailOptionsInput } from "./mail-options.js";
import { giveAttachment, giveGold, holdsValue, lockMail } from "./mail-record.js";
import { sendBack } from "./send-back.js";
import { MailIdSchema } from "../validation.js";

const Input = z.object({
  mailId: MailIdSchema,
  grants: MailGrantHandlersSchema.default({}),
  options: MailOptionsSchema.default(DEFAULT_MAIL_OPTIONS),
});

/** What the sweep did to one mail. */
export type MailExpiryOutcome = "kept" | "returned" | "settled" | "deleted";

/**
 * Expires one mail if it is due at the action's `now` (core mailExpiryOutcome): returns it to its
 * sender, or settles it (gold with a ledger entry, items, grants or refunds to the holder, then
 * deletes it; events as for taking, then mail.removed "expired"), or deletes it when empty.
 * "kept" when not due (already handled, or NoExpiry). Throws what taking would throw
 * (INVENTORY_OVERFLOW, MAIL_GRANT_UNSUPPORTED...), leaving the mail unchanged.
 */
export const expireOneMail = defineAction({
  name: "mail.expire",
  input: Input,
  describe: (i) => `Expiring mail ${i.mailId}`,
  run: async (ctx, input): Promise<MailExpiryOutcome> => {
    let mail;
    try {
      mail = await lockMail(ctx.tx, input.mailId, null);
    } catch (error) {
      if (isDbError(error, "MAIL_DOES_NOT_EXIST")) return "kept";
      throw error;
    }
    const outcome = mailExpiryOutcome(
      {
        flags: mail.flags,
        expiresAt: mail.expiresAt,
        senderCharacterId: mail.senderCharacterId,
        returned: mail.returnedAt !== null,
        holdsValue: holdsValue(mail),
      },
      ctx.now,
    );
    if (outcome === "keep") return "kept";
    if (outcome === "return") {
      await sendBack(ctx, mail, input.options.expiryDays);
      return "returned";
    }
    if (outcome === "settle") {
      await giveGold(ctx, mail);
      const slots = await ctx.tx.mailAttachment.findMany({ where: { mailId: mail.id }, select: { slot: true }, orderBy: { slot: "asc" } });
      for (const { slot } of slots) await giveAttachment(ctx, mail, slot, input.grants);
      ctx.step("mail.settled");
    }
    await ctx.tx.mail.delete({ where: { id: mail.id } });
    ctx.emit({ kind: "mail.removed", accountId: mail.recipientAccountId, characterId: mail.recipientCharacterId, mailId: mail.id, reason: "expired" });
    return outcome === "settle" ? "settled" : "deleted";
  },
});

/** Options for {@link expireMail}. */
export interface ExpireMailOptions extends Omit<ActionOptions, "idempotencyKey"> {
  grants?: MailGrantHandlers;
  options?: MailOptionsInput;
  /** Most mail looked at per call (default 500). */
  limit?: number;
}

/** What one sweep did. */
export interface ExpireMailReport {
  returned: bigint[];
  settled: bigint[];
  deleted: bigint[];
  /** Mail left as it was because expiring it failed; tried again by the next sweep. */
  failed: Array<{ mailId: bigint; code: string; message: string }>;
}

/**
 * The sweep: expires every mail due at `now` (up to `limit`), each in its own transaction via
 * {@link expireOneMail}. Idempotent: running it again finds nothing due (returned mail has a new
 * expiry). Never throws for one mail's failure (reported in `failed`); throws DbError INTERNAL
 * only when the due mail cannot be listed.
 */
export async function expireMail(db: DbClient, options: ExpireMailOptions): Promise<ExpireMailReport> {
  const now = options.now ?? new Date();
  let due: Array<{ id: bigint }>;
  try {
    due = await db.mail.findMany({ where: { expiresAt: { lte: now } }, select: { id: true }, orderBy: { id: "asc" }, take: options.limit ?? 500 });
  } catch (error) {
    throw toDbError(error, "Listing expired mail failed");
  }
  const report: ExpireMailReport = { returned: [], settled: [], deleted: [], failed: [] };
  for (const { id } of due) {
    try {
      const { result } = await expireOneMail(db, {
        rules: options.rules,
        actor: options.actor,
        now,
        ...(options.faults ? { faults: options.faults } : {}),
        mailId: id,
        grants: options.grants ?? {},
        options: options.options ?? {},
      });
      if (result !== "kept") report[result].push(id);
    } catch (error) {
      const e = toDbError(error, `Expiring mail ${id} failed`);
      report.failed.push({ mailId: id, code: e.code, message: e.message });
    }
  }
  return report;
}
