// The storefront purchase (ClientStorefrontPurchaseCharacter / ClientStorefrontPurchaseAccount):
// one action, one transaction. The buyer's account row is locked first (FOR NO KEY UPDATE), so one
// account's purchases queue: the ownership check and the grant cannot interleave with another
// purchase of the same thing. Every refusal happens before anything is charged.
import { MAIL_CONTENT_TYPE, planGrants } from "@bezgelor/core";
import { STORE_CURRENCY, type StoreGrant } from "@bezgelor/data";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { changeBalance } from "../currency/change-currency.js";
import { DB_ERROR_CODES, DbError, isDbError } from "../errors.js";
import { characterIdByName } from "../friends/friend-entries.js";
import { areFriends, isIgnoredBy } from "../friends/relations.js";
import { toJsonColumn } from "../json-codec.js";
import { sendSystemMail } from "../mail/send-system-mail.js";
import { lockAccount } from "../titles/lock-account.js";
import { AmountSchema, IdSchema } from "../validation.js";
import { priceFor } from "./price-for.js";
import { STORE_GIFT_GRANT_TYPE } from "./store-gift-grants.js";
import { applyGrants, loadOwnership, needsCharacter } from "./store-grants.js";
import { loadOffer } from "./store-offer-record.js";

const Input = z.object({
  accountId: IdSchema,
  /** The buying character: required for gold, items, character-bound offers and gifts. */
  characterId: IdSchema.nullable().optional(),
  offerId: IdSchema,
  currency: z.enum(STORE_CURRENCY),
  /** The price the buyer was shown; refused with STORE_PRICE_CHANGED unless it is the server's price. */
  price: z.union([z.literal(0n), AmountSchema]),
  /** Buy it for a friend: the recipient character (by name or id) and a note for the gift mail. */
  gift: z
    .object({
      to: z.union([z.object({ name: z.string().max(64) }), z.object({ characterId: IdSchema })]),
      note: z.string().max(499).default(""),
    })
    .optional(),
});

/** The input of {@link purchaseOffer}. */
export type PurchaseOfferInput = z.input<typeof Input>;

/** What a purchase did. */
export interface PurchaseOfferResult {
  purchaseId: bigint;
  offerId: number;
  currency: "premium" | "bonus" | "gold";
  basePrice: bigint;
  amountPaid: bigint;
  discountPercent: number;
  discountSource: string | null;
  /** What was granted now (for a gift: nothing until the recipient takes it). */
  granted: StoreGrant[];
  /** Parts of a bundle owned already and not granted again. */
  alreadyOwned: StoreGrant[];
  recipientCharacterId: number | null;
  mailId: bigint | null;
}

/** The recipient's id; an unknown name is an ineligible recipient, as the client is told. */
async function giftRecipient(tx: ActionContext["tx"], to: { name: string } | { characterId: number }): Promise<number> {
  try {
    const id = "name" in to ? await characterIdByName(tx, to.name) : to.characterId;
    if ((await tx.character.count({ where: { id } })) === 0) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${id}`);
    return id;
  } catch (error) {
    if (!isDbError(error, "CHARACTER_NOT_FOUND")) throw error;
    throw new DbError(DB_ERROR_CODES.STORE_GIFT_RECIPIENT_INELIGIBLE, `No character ${"name" in to ? to.name : to.characterId} to receive a gift`, {
      details: { to },
    });
  }
}

async function run(ctx: ActionContext, i: z.output<typeof Input>): Promise<PurchaseOfferResult> {
  const { tx } = ctx;
  const characterId = i.characterId ?? null;
  await lockAccount(tx, i.accountId);
  if (characterId !== null) {
    const character = await tx.character.findUnique({ where: { id: characterId }, select: { accountId: true } });
    if (!character || character.accountId !== i.accountId) {
      throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId} on account ${i.accountId}`, {
        details: { characterId, accountId: i.accountId },
      });
    }
  }
  const offer = await loadOffer(tx, i.offerId);
  const details = { offerId: offer.id, accountId: i.accountId, characterId, currency: i.currency };
  if (!offer.available) throw new DbError(DB_ERROR_CODES.STORE_OFFER_UNAVAILABLE, `Offer ${offer.id} is not available`, { details });
  const price = await priceFor(tx, offer, i.currency, ctx.now);
  if (price.finalPrice !== i.price) {
    throw new DbError(DB_ERROR_CODES.STORE_PRICE_CHANGED, `Offer ${offer.id} costs ${price.finalPrice} ${i.currency}, not ${i.price}`, {
      details: { ...details, price: price.finalPrice.toString(), seen: i.price.toString() },
    });
  }
  if (characterId === null && (i.currency === "gold" || i.gift !== undefined || needsCharacter(offer.grants, offer.accountWide))) {
    throw new DbError(DB_ERROR_CODES.STORE_CHARACTER_REQUIRED, `Offer ${offer.id} in ${i.currency}${i.gift ? " as a gift" : ""} needs a character`, {
      details,
    });
  }

  let recipientCharacterId: number | null = null;
  let granted: StoreGrant[] = [];
  let alreadyOwned: StoreGrant[] = [];
  if (i.gift) {
    if (!offer.giftable) throw new DbError(DB_ERROR_CODES.STORE_NOT_GIFTABLE, `Offer ${offer.id} cannot be gifted`, { details });
    recipientCharacterId = await giftRecipient(tx, i.gift.to);
    const pair = { characterId: characterId!, otherCharacterId: recipientCharacterId };
    if (recipientCharacterId === characterId || !(await areFriends(tx, pair)) || (await isIgnoredBy(tx, pair))) {
      throw new DbError(DB_ERROR_CODES.STORE_GIFT_RECIPIENT_INELIGIBLE, `Character ${recipientCharacterId} is not a friend who can receive gifts`, {
        details: { ...details, recipientCharacterId },
      });
    }
  } else {
    const plan = planGrants(offer.grants, await loadOwnership(tx, i.accountId, characterId, ctx.now));
    if (plan.missing.length === 0) throw new DbError(DB_ERROR_CODES.STORE_ALREADY_OWNED, `Everything offer ${offer.id} grants is owned already`, { details });
    granted = [...plan.missing];
    alreadyOwned = [...plan.owned];
  }

  const source = i.gift ? "gift" : "store";
  if (price.finalPrice > 0n) {
    await changeBalance(ctx, {
      currency: i.currency,
      ...(i.currency === "gold" ? { characterId: characterId! } : { accountId: i.accountId }),
      delta: -price.finalPrice,
      reason: `store offer ${offer.id}`,
      source,
    });
  }
  ctx.step("store.paid");
  const purchase = await tx.storePurchase.create({
    data: {
      accountId: i.accountId,
      characterId,
      offerId: offer.id,
      offerName: offer.name,
      currency: i.currency,
      basePrice: price.basePrice,
      amountPaid: price.finalPrice,
      discountPercent: price.applied?.percent ?? 0,
      discountSource: price.discountSource,
      isGift: i.gift !== undefined,
      recipientCharacterId,
      grants: toJsonColumn(i.gift ? offer.grants : granted),
      idempotencyKey: ctx.idempotencyKey,
      createdAt: ctx.now,
    },
    select: { id: true },
  });
  let mailId: bigint | null = null;
  if (i.gift) {
    const description = { type: STORE_GIFT_GRANT_TYPE, purchaseId: purchase.id.toString() };
    const mail = await sendSystemMail.within(ctx, {
      to: { characterId: recipientCharacterId! },
      from: { type: "player", characterId: characterId! },
      subject: `A gift: ${offer.name}`.slice(0, 49),
      body: i.gift.note,
      grants: [{ grant: description, refund: description }],
      contentType: MAIL_CONTENT_TYPE.AccountItem,
      gift: true,
    });
    mailId = mail.mailId;
    await tx.storePurchase.update({ where: { id: purchase.id }, data: { mailId } });
  } else {
    await applyGrants(ctx, granted, {
      accountId: i.accountId,
      characterId,
      accountWide: offer.accountWide,
      unlockSource: "purchase",
      titleSource: "store",
      ledgerSource: "store",
      reason: `store offer ${offer.id}`,
    });
  }
  ctx.emit({
    kind: "store.purchased",
    accountId: i.accountId,
    characterId,
    purchaseId: purchase.id,
    offerId: offer.id,
    currency: i.currency,
    basePrice: price.basePrice,
    amountPaid: price.finalPrice,
    discountPercent: price.applied?.percent ?? 0,
    discountSource: price.discountSource,
    recipientCharacterId,
  });
  return {
    purchaseId: purchase.id,
    offerId: offer.id,
    currency: i.currency,
    basePrice: price.basePrice,
    amountPaid: price.finalPrice,
    discountPercent: price.applied?.percent ?? 0,
    discountSource: price.discountSource,
    granted,
    alreadyOwned,
    recipientCharacterId,
    mailId,
  };
}

/**
 * Buys a store offer for the account (and its character), or as a gift for a friend. In one
 * transaction: checks the offer is available and sold in `currency`, prices it with core's
 * priceOffer (the preview's function) and refuses unless `price` equals that price, refuses an
 * offer whose mounts, pets and titles are all owned (a bundle grants only what is missing), takes
 * the price from the right owner through the ledger (premium and bonus from the account, gold
 * from the character), grants everything (or, for a gift, sends the recipient a gift mail whose
 * attachment grants it on claim), records the purchase and emits store.purchased after the
 * currency, collection, title, inventory (and mail) events. Idempotent with a key (the client's
 * transaction id). Throws DbError STORE_OFFER_NOT_FOUND, STORE_OFFER_UNAVAILABLE,
 * STORE_CURRENCY_NOT_ACCEPTED, STORE_PRICE_CHANGED, STORE_ALREADY_OWNED, STORE_CHARACTER_REQUIRED,
 * STORE_NOT_GIFTABLE, STORE_GIFT_RECIPIENT_INELIGIBLE, INSUFFICIENT_FUNDS, BALANCE_OVERFLOW,
 * INVENTORY_OVERFLOW, ACCOUNT_NOT_FOUND, CHARACTER_NOT_FOUND, IDEMPOTENCY_KEY_REUSED,
 * INVALID_INPUT; nothing is charged or granted then.
 */
export const purchaseOffer = defineAction({
  name: "store.purchase",
  input: Input,
  idempotent: true,
  describe: (i) => `Buying store offer ${i.offerId} for ${i.price} ${i.currency} (account ${i.accountId})`,
  run,
});
