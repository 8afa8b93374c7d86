import { MAIL_GENERIC_ERROR, type MailGenericError } from "@bezgelor/core";
import type { DbErrorCode } from "../errors.js";

/**
 * The genuine mail GenericError (u8 in ServerMailResult 0x05A2 and ServerMailTakeAttachment 0x05A8)
 * for each DbError the mail actions throw; anything else is FailedToCreate. The one table the
 * world maps refusals with. A recipient who ignores the sender is reported as CannotFindPlayer,
 * so the sender does not learn they are ignored (the client has no code of its own for it). A
 * store gift whose mount, pet or title the recipient owns already is UniqueExists.
 */
export const MAIL_ERROR_BY_ERROR: Readonly<Partial<Record<DbErrorCode, MailGenericError>>> = {
  CHARACTER_NOT_FOUND: MAIL_GENERIC_ERROR.CannotFindPlayer,
  MAIL_RECIPIENT_IGNORES_SENDER: MAIL_GENERIC_ERROR.CannotFindPlayer,
  MAIL_CANNOT_MAIL_SELF: MAIL_GENERIC_ERROR.CannotMailSelf,
  MAIL_INVALID_TEXT: MAIL_GENERIC_ERROR.InvalidText,
  MAIL_COD_AND_GIFT: MAIL_GENERIC_ERROR.CanNotHaveCoDAndGift,
  MAIL_COD_WITHOUT_ATTACHMENTS: MAIL_GENERIC_ERROR.FailedToCreate,
  INSUFFICIENT_FUNDS: MAIL_GENERIC_ERROR.InsufficientFunds,
  MAIL_NOT_ENOUGH_ITEMS: MAIL_GENERIC_ERROR.InvalidInventorySlot,
  MAIL_ITEM_STACK_INVALID: MAIL_GENERIC_ERROR.InvalidInventorySlot,
  MAIL_DOES_NOT_EXIST: MAIL_GENERIC_ERROR.DoesNotExist,
  MAIL_NO_ATTACHMENT: MAIL_GENERIC_ERROR.NoAttachment,
  MAIL_COD_UNPAID: MAIL_GENERIC_ERROR.Busy,
  MAIL_COD_NOT_DUE: MAIL_GENERIC_ERROR.Busy,
  MAIL_CANNOT_RETURN: MAIL_GENERIC_ERROR.CannotReturn,
  MAIL_CANNOT_DELETE: MAIL_GENERIC_ERROR.CannotDelete,
  MAIL_GRANT_UNSUPPORTED: MAIL_GENERIC_ERROR.CannotTransferItem,
  INVENTORY_OVERFLOW: MAIL_GENERIC_ERROR.ItemInventoryFull,
  STORE_ALREADY_OWNED: MAIL_GENERIC_ERROR.UniqueExists,
  // Taking cash that would carry the balance past the 64-bit maximum: the client has no code of
  // its own for it, so the generic failure, not a ServerRequestResult the mail window ignores.
  BALANCE_OVERFLOW: MAIL_GENERIC_ERROR.FailedToCreate,
};

/** The mail GenericError for a DbError code (FailedToCreate for codes without their own). */
export function mailErrorFor(code: DbErrorCode): MailGenericError {
  return MAIL_ERROR_BY_ERROR[code] ?? MAIL_GENERIC_ERROR.FailedToCreate;
}
