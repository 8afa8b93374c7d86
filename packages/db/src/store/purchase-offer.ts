// The storefront purchase (ClientStorefrontPurchaseCharacter / ClientStorefrontPurchaseAccount,
// `!buy`, `bezgelor store buy`): one action, one transaction. The buyer's account row is locked
// first (FOR NO KEY UPDATE), so one account's purchases queue: the ownership check, the purchase
// limit and the grant cannot interleave with another purchase of the same thing. Then the offer's
// row is locked (FOR UPDATE): its stock and units sold are read, priced at that place in the demand
// sequence and counted before another buyer of the offer reads them. A gift also locks its
// recipient's account (ownership and unopened gifts are read under it), the two accounts in id
// order. Locks are always taken in that order (accounts, then offer), so purchases never
// deadlock. Every refusal happens before anything is charged; a refused purchase is recorded as a
// failed transaction afterwards.
import { randomUUID } from "node:crypto";
import { MAIL_CONTENT_TYPE, planGrants, purchaseLimitWindowStart } from "@bezgelor/core";
import { MAX_STORE_QUANTITY, STORE_CURRENCY, type StoreGrant } from "@bezgelor/data";
import { z } from "zod";
import { defineAction, type Action, type ActionContext, type ActionOptions, type ActionResult } from "../actions/action.js";
import type { DbClient } from "../client.js";
import { changeBalance } from "../currency/change-currency.js";
import { DB_ERROR_CODES, DbError, isDbError } from "../errors.js";
import { characterIdByName } from "../friends/friend-entries.js";
import { areFriends, isIgnoredBy } from "../friends/relations.js";
import { toJsonColumn } from "../json-codec.js";
import { sendSystemMail } from "../mail/send-system-mail.js";
import { lockAccount, lockAccountWithCharacter } from "../titles/lock-account.js";
import { AmountSchema, IdSchema } from "../validation.js";
import { giftAlreadyOwned, type GiftRecipient } from "./gift-ownership.js";
import { bundlePricing, loadPartListPrices } from "./bundle-pricing.js";
import { priceFor } from "./price-for.js";
import { STORE_GIFT_GRANT_TYPE } from "./store-gift-grants.js";
import { applyGrants, loadOwnership, needsCharacter } from "./store-grants.js";
import { loadExchangeRates, lockOfferWithPricing, type StoreOfferRecord } from "./store-offer-record.js";
import { recordCommitted, recordFailed } from "./store-transaction.js";
import { toVipStatus, vipColumns, vipStatusAfter, type VipColumns } from "./vip-status.js";
import { payVipRewards } from "./vip-rewards.js";

const Input = z.object({
  accountId: IdSchema,
  /** The buying character: required for gold, items, character-bound offers and gifts. */
  characterId: IdSchema.nullable().optional(),
  offerId: IdSchema,
  currency: z.enum(STORE_CURRENCY),
  /** Units to buy (up to the offer's maxQuantity); default 1. */
  quantity: z.number().int().min(1).max(MAX_STORE_QUANTITY).default(1),
  /**
   * The total the buyer was shown; refused with STORE_PRICE_CHANGED unless it is the server's price
   * now. Omitted (the CLI and chat commands): the buyer accepts the price at its place in the sequence.
   */
  price: z.union([z.literal(0n), AmountSchema]).optional(),
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
  /** The transaction record's id: the idempotency key, or a UUID. */
  transactionId: string;
  purchaseId: bigint;
  quantity: number;
  /** The balance paid from, before and after (null when the purchase was free). */
  balanceBefore: bigint | null;
  balanceAfter: bigint | null;
  /** The buyer's VIP tier after the purchase, and the tiers whose one-time rewards it paid. */
  vipTier: number | null;
  vipRewardsPaid: number[];
  offerId: number;
  currency: "premium" | "bonus" | "gold";
  basePrice: bigint;
  amountPaid: bigint;
  discountPercent: number;
  discountSource: string | null;
  /** What was granted now (for a gift: nothing until the recipient takes it). */
  granted: StoreGrant[];
  /** Parts of a bundle owned already: neither granted again nor charged for (their share is off `amountPaid`). */
  alreadyOwned: StoreGrant[];
  /** What the owned parts took off the price (core priceOffer's owned-parts step); 0 when none is owned. */
  ownedPartsDiscount: bigint;
  recipientCharacterId: number | null;
  mailId: bigint | null;
}

/** The recipient character and its account, or null when there is no such character (read before any lock). */
async function findGiftRecipient(tx: ActionContext["tx"], to: { name: string } | { characterId: number }): Promise<GiftRecipient | null> {
  try {
    const id = "name" in to ? await characterIdByName(tx, to.name) : to.characterId;
    const row = await tx.character.findUnique({ where: { id }, select: { accountId: true } });
    return row ? { accountId: row.accountId, characterId: id } : null;
  } catch (error) {
    if (!isDbError(error, "CHARACTER_NOT_FOUND")) throw error;
    return null;
  }
}

/** The recipient found by {@link findGiftRecipient}; an unknown name is an ineligible recipient, as the client is told. */
function giftRecipient(found: GiftRecipient | null, to: { name: string } | { characterId: number }): GiftRecipient {
  if (found) return found;
  throw new DbError(DB_ERROR_CODES.STORE_GIFT_RECIPIENT_INELIGIBLE, `No character ${"name" in to ? to.name : to.characterId} to receive a gift`, {
    details: { to },
  });
}

/** Each grant `quantity` times (items and currency; the offer's maxQuantity keeps others at 1). */
function scaleGrants(grants: readonly StoreGrant[], quantity: number): StoreGrant[] {
  if (quantity === 1) return [...grants];
  return grants.map((g) =>
    g.kind === "item" ? { ...g, count: g.count * quantity } : g.kind === "currency" ? { ...g, amount: g.amount * BigInt(quantity) } : g,
  );
}

/** Refuses a quantity above the offer's, stock that cannot cover it, and a spent per-period limit. */
async function checkSupply(ctx: ActionContext, offer: StoreOfferRecord, accountId: number, quantity: number, details: object): Promise<void> {
  if (quantity > offer.maxQuantity) {
    throw new DbError(DB_ERROR_CODES.STORE_QUANTITY_NOT_ALLOWED, `Offer ${offer.id} sells at most ${offer.maxQuantity} at once, not ${quantity}`, {
      details: { ...details, quantity, maxQuantity: offer.maxQuantity },
    });
  }
  if (offer.stock !== null && offer.stock < quantity) {
    throw new DbError(DB_ERROR_CODES.STORE_OUT_OF_STOCK, `Offer ${offer.id} has ${offer.stock} left, not ${quantity}`, {
      details: { ...details, quantity, stock: offer.stock },
    });
  }
  if (offer.limit) {
    const since = purchaseLimitWindowStart(offer.limit.period, ctx.now);
    // Committed transactions of this account (its row is locked: no purchase of it runs meanwhile).
    const bought = await ctx.tx.storeTransaction.aggregate({
      where: { accountId, offerId: offer.id, status: "committed", ...(since ? { createdAt: { gte: since } } : {}) },
      _sum: { quantity: true },
    });
    const count = bought._sum.quantity ?? 0;
    if (count + quantity > offer.limit.count) {
      throw new DbError(
        DB_ERROR_CODES.STORE_PURCHASE_LIMIT,
        `Offer ${offer.id} allows ${offer.limit.count} per ${offer.limit.period} period; ${count} bought`,
        {
          details: { ...details, period: offer.limit.period, limit: offer.limit.count, bought: count, quantity },
        },
      );
    }
  }
}

async function run(ctx: ActionContext, i: z.output<typeof Input> & { transactionId: string }): Promise<PurchaseOfferResult> {
  const { tx } = ctx;
  const characterId = i.characterId ?? null;
  // A gift's recipient account is locked too (its ownership and pending gifts are read under it),
  // the two accounts in id order, both before the offer: gifts both ways between two accounts
  // cannot deadlock, nor a gift with the recipient's own purchase or claim.
  const found = i.gift ? await findGiftRecipient(tx, i.gift.to) : null;
  if (found && found.accountId < i.accountId) await lockAccount(tx, found.accountId);
  if (characterId === null) await lockAccount(tx, i.accountId);
  else {
    // The account's lock, and the buyer's character read with it (one round trip).
    const buyer = await lockAccountWithCharacter(tx, i.accountId, characterId);
    if (buyer.characterAccountId !== i.accountId) {
      throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId} on account ${i.accountId}`, {
        details: { characterId, accountId: i.accountId },
      });
    }
  }
  if (found && found.accountId > i.accountId) await lockAccount(tx, found.accountId);
  // One statement: the offer under its lock, the pricing context and the buyer's VIP spend.
  const locked = await lockOfferWithPricing<VipColumns>(tx, i.offerId, ctx.now, vipColumns(i.accountId));
  const offer = locked.offer;
  const details = { offerId: offer.id, accountId: i.accountId, characterId, currency: i.currency };
  if (!offer.available) throw new DbError(DB_ERROR_CODES.STORE_OFFER_UNAVAILABLE, `Offer ${offer.id} is not available`, { details });
  if (characterId === null) {
    // Before the price: a request without the character it needs is incomplete, whatever it costs.
    const why =
      i.currency === "gold"
        ? "it is paid in gold"
        : i.gift
          ? "it is a gift"
          : needsCharacter(offer.grants, offer.accountWide)
            ? "it grants to a character"
            : null;
    if (why !== null) throw new DbError(DB_ERROR_CODES.STORE_CHARACTER_REQUIRED, `Offer ${offer.id} needs a character: ${why}`, { details });
  }
  await checkSupply(ctx, offer, i.accountId, i.quantity, details);
  const vip = toVipStatus(ctx.rules.data, locked.extra.vip_spent, locked.extra.vip_tier);
  // Exchange rates only for a currency the offer has no price in (read as priceFor would).
  const context = offer.prices[i.currency] === undefined ? { ...locked.context, exchangeRates: await loadExchangeRates(tx) } : locked.context;
  const offerGrants = scaleGrants(offer.grants, i.quantity);
  // What the buyer owns (read under the account's lock): a bundle's owned parts are neither granted
  // nor charged for, by the rule the catalog and the preview price with. A gift is for someone
  // else: its recipient may own none of it (checked below), so it is priced whole.
  const plan = i.gift ? null : planGrants(offerGrants, await loadOwnership(tx, i.accountId, characterId, ctx.now, offerGrants));
  const bundle = plan ? await bundlePricing(plan, () => loadPartListPrices(tx)) : null;
  const price = await priceFor(tx, offer, i.currency, ctx.now, { vip: vip.tier, quantity: i.quantity, context, bundle });
  if (i.price !== undefined && price.finalPrice !== i.price) {
    throw new DbError(DB_ERROR_CODES.STORE_PRICE_CHANGED, `Offer ${offer.id} costs ${price.finalPrice} ${i.currency}, not ${i.price}`, {
      details: { ...details, price: price.finalPrice.toString(), seen: i.price.toString() },
    });
  }
  let recipientCharacterId: number | null = null;
  let granted: StoreGrant[] = [];
  let alreadyOwned: StoreGrant[] = [];
  if (i.gift) {
    if (!offer.giftable) throw new DbError(DB_ERROR_CODES.STORE_NOT_GIFTABLE, `Offer ${offer.id} cannot be gifted`, { details });
    const recipient = giftRecipient(found, i.gift.to);
    recipientCharacterId = recipient.characterId;
    const pair = { characterId: characterId!, otherCharacterId: recipientCharacterId };
    if (recipientCharacterId === characterId || !(await areFriends(tx, pair)) || (await isIgnoredBy(tx, pair))) {
      throw new DbError(DB_ERROR_CODES.STORE_GIFT_RECIPIENT_INELIGIBLE, `Character ${recipientCharacterId} is not a friend who can receive gifts`, {
        details: { ...details, recipientCharacterId },
      });
    }
    // The claim refuses a gift with any part owned: refuse it now rather than charge for it.
    const owned = await giftAlreadyOwned(tx, recipient, offer.accountWide, offerGrants, ctx.now);
    if (owned.length > 0) {
      throw new DbError(
        DB_ERROR_CODES.STORE_GIFT_ALREADY_OWNED,
        `Character ${recipientCharacterId} already owns, or has an unopened gift of, part of offer ${offer.id}`,
        { details: { ...details, recipientCharacterId, owned: owned.map((g) => g.kind) } },
      );
    }
  } else if (plan) {
    if (plan.missing.length === 0) throw new DbError(DB_ERROR_CODES.STORE_ALREADY_OWNED, `Everything offer ${offer.id} grants is owned already`, { details });
    granted = [...plan.missing];
    alreadyOwned = [...plan.owned];
  }

  const source = i.gift ? "gift" : "store";
  const ledger =
    price.finalPrice > 0n
      ? await changeBalance(ctx, {
          currency: i.currency,
          ...(i.currency === "gold" ? { characterId: characterId! } : { accountId: i.accountId }),
          delta: -price.finalPrice,
          reason: `store offer ${offer.id}`,
          source,
        })
      : null;
  ctx.step("store.paid");
  // Count the units under the offer's lock: the next buyer reads the new place and stock.
  await tx.storeOffer.update({
    where: { id: offer.id },
    data: { sold: { increment: BigInt(i.quantity) }, ...(offer.stock === null ? {} : { stock: { decrement: i.quantity } }) },
  });
  const basePrice = price.units.reduce((sum, u) => sum + u.converted, 0n);
  const discountPercent = price.applied?.percent ?? 0;
  const purchase = await tx.storePurchase.create({
    data: {
      accountId: i.accountId,
      characterId,
      offerId: offer.id,
      offerName: offer.name,
      currency: i.currency,
      basePrice,
      amountPaid: price.finalPrice,
      discountPercent,
      discountSource: price.discountSource,
      isGift: i.gift !== undefined,
      recipientCharacterId,
      grants: toJsonColumn(i.gift ? offerGrants : granted),
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
  const subject = { id: i.transactionId, accountId: i.accountId, characterId, offerId: offer.id, quantity: i.quantity, currency: i.currency };
  await recordCommitted(tx, subject, price, ledger, purchase.id, ctx.now);
  // The spend now includes this purchase: a tier it reaches pays its one-time rewards.
  // Read under the account's lock, so the spend before is still the ledger's: add this debit.
  const after = i.currency === "premium" && ledger ? vipStatusAfter(ctx.rules.data, vip, price.finalPrice) : vip;
  const vipRewardsPaid = await payVipRewards(ctx, i.accountId, after.tier);
  ctx.emit({
    kind: "store.purchased",
    accountId: i.accountId,
    characterId,
    purchaseId: purchase.id,
    offerId: offer.id,
    currency: i.currency,
    basePrice,
    amountPaid: price.finalPrice,
    discountPercent,
    discountSource: price.discountSource,
    recipientCharacterId,
  });
  return {
    transactionId: i.transactionId,
    purchaseId: purchase.id,
    quantity: i.quantity,
    balanceBefore: ledger?.balanceBefore ?? null,
    balanceAfter: ledger?.balanceAfter ?? null,
    vipTier: after.tier?.id ?? null,
    vipRewardsPaid,
    offerId: offer.id,
    currency: i.currency,
    basePrice,
    amountPaid: price.finalPrice,
    discountPercent,
    discountSource: price.discountSource,
    granted,
    alreadyOwned,
    ownedPartsDiscount: price.units.reduce((sum, u) => sum + u.ownedDiscount, 0n),
    recipientCharacterId,
    mailId,
  };
}

const KeyedInput = Input.extend({ transactionId: z.string().min(1).max(128) });

const purchaseAction = defineAction({
  name: "store.purchase",
  input: KeyedInput,
  idempotent: true,
  describe: (i) => `Buying ${i.quantity} of store offer ${i.offerId} in ${i.currency} (account ${i.accountId})`,
  run,
});

/** Refusals that leave a failed transaction record: the buyer and the offer exist, the purchase was judged and refused. */
const RECORDED_REFUSALS = new Set<string>([
  DB_ERROR_CODES.STORE_OFFER_UNAVAILABLE,
  DB_ERROR_CODES.STORE_CURRENCY_NOT_ACCEPTED,
  DB_ERROR_CODES.STORE_PRICE_CHANGED,
  DB_ERROR_CODES.STORE_ALREADY_OWNED,
  DB_ERROR_CODES.STORE_CHARACTER_REQUIRED,
  DB_ERROR_CODES.STORE_NOT_GIFTABLE,
  DB_ERROR_CODES.STORE_GIFT_RECIPIENT_INELIGIBLE,
  DB_ERROR_CODES.STORE_GIFT_ALREADY_OWNED,
  DB_ERROR_CODES.STORE_OUT_OF_STOCK,
  DB_ERROR_CODES.STORE_PURCHASE_LIMIT,
  DB_ERROR_CODES.STORE_QUANTITY_NOT_ALLOWED,
  DB_ERROR_CODES.INSUFFICIENT_FUNDS,
  DB_ERROR_CODES.BALANCE_OVERFLOW,
  DB_ERROR_CODES.INVENTORY_OVERFLOW,
  DB_ERROR_CODES.CHARACTER_NOT_FOUND,
]);

/**
 * Buys `quantity` units of a store offer for the account (and its character), or as a gift for a
 * friend. In one transaction: locks the account, then the offer; checks the offer is available,
 * sells that many at once, has the stock and the account's per-period limit left; prices it with
 * core's priceOffer (the preview's function) at the offer's place in its demand sequence with the
 * buyer's VIP tier, less the share of a bundle's parts the buyer owns (core's owned-parts step, as
 * the catalog and the preview price it), and refuses unless `price` (when given) equals that total;
 * refuses an offer whose mounts, pets and titles are all owned (a bundle grants only what is
 * missing, and charges only for it); takes the
 * price from the right owner through the ledger (premium and bonus from the account, gold from the
 * character); counts the units (sold, stock); grants everything (or, for a gift, sends the recipient
 * a gift mail whose attachment grants it on claim); records the purchase and its committed
 * transaction (id: the idempotency key, else a UUID) linked to the ledger entry; pays the one-time
 * rewards of a VIP tier the spend reached; and emits store.purchased after the currency, collection,
 * title, inventory (and mail) events. A gift is refused (STORE_GIFT_ALREADY_OWNED) when any mount, pet
 * or title it grants is owned by the recipient or due to them by an unopened gift (the claim would
 * refuse it); the recipient's account is locked with the buyer's, in account id order. Idempotent with a key (the client's transaction id). Throws
 * DbError STORE_OFFER_NOT_FOUND, STORE_OFFER_UNAVAILABLE, STORE_QUANTITY_NOT_ALLOWED,
 * STORE_OUT_OF_STOCK, STORE_PURCHASE_LIMIT, STORE_CURRENCY_NOT_ACCEPTED, STORE_PRICE_CHANGED,
 * STORE_ALREADY_OWNED, STORE_CHARACTER_REQUIRED, STORE_NOT_GIFTABLE, STORE_GIFT_RECIPIENT_INELIGIBLE,
 * STORE_GIFT_ALREADY_OWNED, INSUFFICIENT_FUNDS, BALANCE_OVERFLOW, INVENTORY_OVERFLOW, ACCOUNT_NOT_FOUND, CHARACTER_NOT_FOUND,
 * IDEMPOTENCY_KEY_REUSED, INVALID_INPUT; nothing is charged or granted then, and the refusals of a
 * known buyer and offer are recorded as a failed transaction with the reason.
 */
export const purchaseOffer: Action<typeof Input, PurchaseOfferResult> = Object.assign(
  async (db: DbClient, options: ActionOptions & PurchaseOfferInput): Promise<ActionResult<PurchaseOfferResult>> => {
    const transactionId = options.idempotencyKey ?? randomUUID();
    try {
      return await purchaseAction(db, { ...options, transactionId });
    } catch (error) {
      if (isDbError(error) && RECORDED_REFUSALS.has(error.code)) {
        const i = Input.parse(options);
        const subject = {
          id: transactionId,
          accountId: i.accountId,
          characterId: i.characterId ?? null,
          offerId: i.offerId,
          quantity: i.quantity,
          currency: i.currency,
        };
        // The refusal is the answer; a failure to record it (the database went away) must not hide
        // it, so it is thrown with `details.recorded` false and the recording's failure as its cause.
        try {
          await recordFailed(db, subject, error, options.now ?? new Date());
        } catch (recording) {
          throw new DbError(error.code, error.message, { details: { ...error.details, recorded: false }, cause: recording });
        }
      }
      throw error;
    }
  },
  {
    actionName: purchaseAction.actionName,
    within: (ctx: ActionContext, input: PurchaseOfferInput) => purchaseAction.within(ctx, { ...input, transactionId: ctx.idempotencyKey ?? randomUUID() }),
  },
);
