import { MAIL_LIMITS, MAIL_REFUSAL, type MailRefusalReason } from "@bezgelor/core";
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
};

/** The DbError for a core mail refusal. */
export function mailRefusal(reason: MailRefusalReason, message: string, details: Record<string, unknown>): DbError {
  return new DbError(CODE_BY_REASON[reason], message, { details: { ...details, reason } });
}

/** Throws DbError UNKNOWN_GAME_DATA for an attached item the game data does not define. */
export function requireKnownItems(ctx: ActionContext, items: readonly { itemId: number }[]): void {
  for (const { itemId } of items) requireDefinition(ctx.rules.data.items, "item", itemId);
}
