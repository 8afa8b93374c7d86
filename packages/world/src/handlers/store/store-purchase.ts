// What both purchase packets do: read the request, buy through purchaseOffer (one transaction:
// price check, ownership, ledger, grants or gift mail, history, events) and answer with
// ServerStorePurchaseResult carrying the genuine StoreError of a refusal. The client's
// transaction id is the purchase's idempotency key, so a retry gets the first answer and is
// charged once.
import { randomUUID } from "node:crypto";
import { MAIL_LIMITS } from "@bezgelor/core";
import { DbError, isDatabaseUnavailable, purchaseOffer, STORE_ERROR, STORE_ERROR_BY_ERROR, storeErrorFor, type StoreError } from "@bezgelor/db";
import { ServerStorePurchaseResult, type ClientPacketValues } from "@bezgelor/protocol";
import { playerActionOptions } from "../../game/action-options";
import { storeCurrencyOf } from "../../game/store-packets";
import type { StoreCurrency } from "@bezgelor/data";
import type { HandlerContext } from "../types";

/** The largest database id (a recipient id above it names nobody). */
const MAX_ID = 2_147_483_647;

/** A purchase as both packets carry it, and for a gift the recipient and note. */
export interface StorePurchaseRequest {
  purchase: ClientPacketValues["ClientStorefrontPurchaseCharacter"]["purchase"];
  gift?: { recipient: { realmId: number; characterId: bigint }; note: string };
}

/**
 * The idempotency key of a purchase: the client's transaction id, per account and realm login
 * (a client numbering its transactions afresh after logging in again must not meet its old ones);
 * none for 0.
 */
export function purchaseKey(accountId: number, loginScope: string, transactionId: number): string | undefined {
  return transactionId === 0 ? undefined : `storefront:${accountId}:${loginScope}:${transactionId}`;
}

/** A gift note cut to what a mail body holds (499 UTF-16 units), never splitting a surrogate pair. */
export function giftNote(note: string): string {
  if (note.length <= MAIL_LIMITS.bodyLength) return note;
  const end = MAIL_LIMITS.bodyLength;
  const last = note.charCodeAt(end - 1);
  return note.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/** Answers a purchase. */
export function sendPurchaseResult(ctx: HandlerContext, error: StoreError): void {
  ctx.session.send(ServerStorePurchaseResult, { success: error === STORE_ERROR.Success, error });
}

/**
 * The database is down: keep the purchase in the offline journal (on disk before the player hears
 * PurchasePending) at the price of the last catalog the server read, to be applied when it is
 * back, for the database whose identity the server read (only that database ever applies it). A
 * price that catalog does not show is InvalidPrice; with no catalog or identity read yet, the
 * outage propagates as any other (ServerRequestResult UNAVAILABLE).
 */
async function journalPurchase(
  ctx: HandlerContext,
  p: {
    accountId: number;
    characterId: number;
    offerId: number;
    currency: StoreCurrency;
    price: bigint;
    transactionId: number;
    gift?: StorePurchaseRequest["gift"];
  },
  outage: unknown,
): Promise<void> {
  const { session, services } = ctx;
  const journal = services.storeJournal;
  const shown = services.lastCatalog.priceOf(p.accountId, p.offerId, p.currency);
  const database = journal?.database;
  if (!journal || shown === undefined || database === undefined) throw outage;
  const context = { offerId: p.offerId, currency: p.currency, price: p.price.toString(), transactionId: p.transactionId };
  if (shown !== p.price) {
    session.logger.info({ ...context, shown: shown.toString() }, "store purchase refused while offline: not the price of the last catalog");
    return sendPurchaseResult(ctx, STORE_ERROR.InvalidPrice);
  }
  // Without a client transaction id the purchase still needs a key, so its replay applies once.
  const id = purchaseKey(p.accountId, session.requireAccount().loginScope, p.transactionId) ?? `storefront:${p.accountId}:offline-${randomUUID()}`;
  await journal.journal.append({
    database,
    id,
    accountId: p.accountId,
    characterId: p.characterId,
    offerId: p.offerId,
    currency: p.currency,
    price: p.price.toString(),
    ...(p.gift ? { gift: { characterId: Number(p.gift.recipient.characterId), note: giftNote(p.gift.note) } } : {}),
    at: new Date().toISOString(),
  });
  session.logger.warn({ ...context, journalId: id }, "store purchase journaled while the database is down; it is applied when it is back");
  sendPurchaseResult(ctx, STORE_ERROR.PurchasePending);
}

/**
 * Buys `request` for the character in the world (as a gift when `gift` names a character) and
 * answers. Refusals (an unknown or unavailable offer, a price that is not the server's, a currency
 * it is not sold in, owned already, not enough funds, not giftable, a recipient who is not a
 * friend...) are answered with their StoreError, logged at info, and change nothing. An outage is
 * journaled when the server has an offline journal (PurchasePending); otherwise it, like a bug or a
 * refusal without a StoreError of its own, propagates to the session, which logs it and answers
 * with the purchase handler's `onUnavailable` (CatalogUnavailable) or `onFailure` (GenericFail):
 * the client always hears ServerStorePurchaseResult.
 */
export async function buyFromStore(ctx: HandlerContext, request: StorePurchaseRequest): Promise<void> {
  const { session, services } = ctx;
  const accountId = session.requireAccount().id;
  const characterId = session.requireCharacter().id;
  const { offerId, currencyId, price, transactionId } = request.purchase;
  const context = { offerId, currencyId, price, transactionId };
  const refuse = (error: StoreError, why: string, details: Record<string, unknown> = {}) => {
    session.logger.info({ ...context, ...details, storeError: error }, `store purchase refused: ${why}`);
    sendPurchaseResult(ctx, error);
  };
  const currency = storeCurrencyOf(currencyId);
  if (currency === undefined) return refuse(STORE_ERROR.InvalidPrice, `no store currency ${currencyId}`);
  if (!Number.isSafeInteger(price) || price < 0) return refuse(STORE_ERROR.InvalidPrice, `price ${price} is not a whole amount`);
  const recipient = request.gift?.recipient;
  const giftTo = recipient !== undefined && recipient.characterId !== 0n ? recipient : undefined;
  if (giftTo && (giftTo.realmId !== services.config.server.realmId || giftTo.characterId > BigInt(MAX_ID))) {
    return refuse(STORE_ERROR.IneligibleGiftRecipient, "the recipient is not a character of this realm", {
      recipient: { realmId: giftTo.realmId, characterId: giftTo.characterId.toString() },
    });
  }
  const key = purchaseKey(accountId, session.requireAccount().loginScope, transactionId);
  try {
    const { result, replayed } = await purchaseOffer(services.db, {
      ...playerActionOptions(ctx),
      ...(key === undefined ? {} : { idempotencyKey: key }),
      accountId,
      characterId,
      offerId,
      currency,
      price: BigInt(price),
      ...(giftTo ? { gift: { to: { characterId: Number(giftTo.characterId) }, note: giftNote(request.gift?.note ?? "") } } : {}),
    });
    session.logger.info(
      { ...context, purchaseId: result.purchaseId.toString(), amountPaid: result.amountPaid.toString(), gift: result.recipientCharacterId, replayed },
      replayed ? "store purchase retried: first result returned" : "store purchase",
    );
  } catch (error) {
    if (isDatabaseUnavailable(error) && services.storeJournal) {
      const journaled = { accountId, characterId, offerId, currency, price: BigInt(price), transactionId, ...(giftTo ? { gift: request.gift } : {}) };
      return journalPurchase(ctx, journaled, error);
    }
    if (!(error instanceof DbError) || isDatabaseUnavailable(error) || !(error.code in STORE_ERROR_BY_ERROR)) throw error;
    return refuse(storeErrorFor(error.code), error.message, { code: error.code, ...error.details });
  }
  await services.events.flush();
  sendPurchaseResult(ctx, STORE_ERROR.Success);
}
