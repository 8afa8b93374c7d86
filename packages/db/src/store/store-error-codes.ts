// The genuine StoreError values (NexusForever PR411
// Source/NexusForever.Game/Storefront/Static/StoreError.cs, sent as 5 bits in
// ServerStoreError 0x098A and ServerStorePurchaseResult 0x098C) and which one each refusal of the
// store's actions is told as. World maps a DbError with STORE_ERROR_BY_ERROR; a code not listed is
// GenericFail.
import type { DbErrorCode } from "../errors.js";

/** StoreError, by name. PgWs_* payment-gateway errors 6..15 are not used by an in-game currency store. */
export const STORE_ERROR = {
  CatalogUnavailable: 0,
  StoreDisabled: 1,
  InvalidOffer: 2,
  InvalidPrice: 3,
  GenericFail: 4,
  PurchasePending: 5,
  PurchaseVelocityLimit: 16,
  MissingItemEntitlement: 17,
  IneligibleGiftRecipient: 18,
  CannotUseOffer: 19,
  MissingEntitlement: 20,
  CannotGiftOffer: 21,
  Success: 22,
} as const;

/** One StoreError value. */
export type StoreError = (typeof STORE_ERROR)[keyof typeof STORE_ERROR];

/**
 * The StoreError each refusal of purchaseOffer is told as. The client has no "not enough NCoin"
 * code (it checks the balance before sending), so INSUFFICIENT_FUNDS is GenericFail; an owned
 * mount is CannotUseOffer, and a gift the friend owns already is IneligibleGiftRecipient.
 * IDEMPOTENCY_KEY_REUSED (a transaction id reused for another purchase) is PurchasePending: that
 * transaction is someone else's.
 */
export const STORE_ERROR_BY_ERROR: Readonly<Partial<Record<DbErrorCode, StoreError>>> = {
  STORE_OFFER_NOT_FOUND: STORE_ERROR.InvalidOffer,
  STORE_OFFER_UNAVAILABLE: STORE_ERROR.InvalidOffer,
  STORE_CURRENCY_NOT_ACCEPTED: STORE_ERROR.InvalidPrice,
  STORE_PRICE_CHANGED: STORE_ERROR.InvalidPrice,
  STORE_ALREADY_OWNED: STORE_ERROR.CannotUseOffer,
  STORE_CHARACTER_REQUIRED: STORE_ERROR.CannotUseOffer,
  STORE_NOT_GIFTABLE: STORE_ERROR.CannotGiftOffer,
  STORE_GIFT_RECIPIENT_INELIGIBLE: STORE_ERROR.IneligibleGiftRecipient,
  STORE_GIFT_ALREADY_OWNED: STORE_ERROR.IneligibleGiftRecipient,
  INSUFFICIENT_FUNDS: STORE_ERROR.GenericFail,
  BALANCE_OVERFLOW: STORE_ERROR.GenericFail,
  INVENTORY_OVERFLOW: STORE_ERROR.GenericFail,
  IDEMPOTENCY_KEY_REUSED: STORE_ERROR.PurchasePending,
  STORE_OUT_OF_STOCK: STORE_ERROR.InvalidOffer,
  STORE_PURCHASE_LIMIT: STORE_ERROR.PurchaseVelocityLimit,
  STORE_QUANTITY_NOT_ALLOWED: STORE_ERROR.CannotUseOffer,
  INVALID_INPUT: STORE_ERROR.InvalidOffer,
  INVALID_AMOUNT: STORE_ERROR.InvalidPrice,
  CONNECTION_FAILED: STORE_ERROR.CatalogUnavailable,
};

/** The StoreError for a DbError code (GenericFail when none is listed). */
export function storeErrorFor(code: DbErrorCode): StoreError {
  return STORE_ERROR_BY_ERROR[code] ?? STORE_ERROR.GenericFail;
}
