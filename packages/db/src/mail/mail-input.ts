import { checkMailStacks, MAIL_LIMITS, MAIL_REFUSAL, type MailRefusalReason } from "@bezgelor/core";
import { z } from "zod";
import type { ActionContext } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { DB_ERROR_CODES, DbError, type DbErrorCode } from "../errors.js";
import { IdSchema, MAX_INT64 } from "../validation.js";

/** A stack of an item to attach: 1..2^31-1 of one item id. */
export const ItemStackSchema = z.object({ itemId: IdSchema, count: IdSchema });

/** Up to 10 item stacks (the client's attachment slots). */
export const ItemStacksSchema = z.array(ItemStackSchema).max(MAIL_LIMITS.attachments).default([]);

/** An amount of gold, 0 allowed. */
export const GoldSchema = z.bigint().min(0n).max(MAX_INT64).default(0n);

/** Subject and body as received; the text rules (core isValidMailText) decide, so a refusal is MAIL_INVALID_TEXT, not INVALID_INPUT. */
export const MailTextSchema = z.string().max(4096);

const CODE_BY_REASON: Record<MailRefusalReason, DbErrorCode> = {
  [MAIL_REFUSAL.CANNOT_MAIL_SELF]: DB_ERROR_CODES.MAIL_CANNOT_MAIL_SELF,
  [MAIL_REFUSAL.INVALID_TEXT]: DB_ERROR_CODES.MAIL_INVALID_TEXT,
  [MAIL_REFUSAL.COD_AND_GIFT]: DB_ERROR_CODES.MAIL_COD_AND_GIFT,
  [MAIL_REFUSAL.COD_WITHOUT_ATTACHMENTS]: DB_ERROR_CODES.MAIL_COD_WITHOUT_ATTACHMENTS,
  [MAIL_REFUSAL.TOO_MANY_ATTACHMENTS]: DB_ERROR_CODES.INVALID_INPUT,
  [MAIL_REFUSAL.INVALID_STACK]: DB_ERROR_CODES.MAIL_ITEM_STACK_INVALID,
};

/** The DbError for a core mail refusal. */
export function mailRefusal(reason: MailRefusalReason, message: string, details: Record<string, unknown>): DbError {
  return new DbError(CODE_BY_REASON[reason], message, { details: { ...details, reason } });
}

/**
 * Checks the item stacks to attach against the game data: each item defined, each stack 1..the
 * item's maxStack (core checkMailStacks: one slot holds one stack). The one check every mail
 * action makes, whoever sends.
 * @throws DbError UNKNOWN_GAME_DATA for an item the data does not define, MAIL_ITEM_STACK_INVALID
 *   naming the first stack past its item's maxStack.
 */
export function requireAttachableStacks(ctx: ActionContext, items: readonly { itemId: number; count: number }[]): void {
  const stacks = items.map(({ itemId, count }) => ({ itemId, count, maxStack: requireDefinition(ctx.rules.data.items, "item", itemId).maxStack }));
  const decision = checkMailStacks(stacks);
  if (decision.ok) return;
  const { itemId, count, maxStack } = decision.stack;
  throw mailRefusal(decision.reason, `An attachment holds one stack of 1 to ${maxStack} of item ${itemId}, not ${count}`, { itemId, count, maxStack });
}
