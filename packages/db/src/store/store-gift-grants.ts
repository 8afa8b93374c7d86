// The MailGrantHandler of storefront gifts. A gift mail's attachment is `{ type: "store-gift",
// purchaseId }` both as grant and as refund: taking it grants what the purchase recorded (the
// offer as it was bought, not as an operator may have edited it since); taken back by the buyer
// after a return (or settled after its expiry back with the buyer) it refunds exactly what was
// paid, with its ledger entry. World passes STORE_MAIL_GRANTS to takeMailAttachment and expireMail.
import { planGrants } from "@bezgelor/core";
import type { StoreGrant } from "@bezgelor/data";
import { z } from "zod";
import type { ActionContext } from "../actions/action.js";
import { changeBalance } from "../currency/change-currency.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { GrantDescription, GrantRecipient, MailGrantHandler, MailGrantHandlers } from "../mail/mail-grants.js";
import { lockAccount } from "../titles/lock-account.js";
import { applyGrants, loadOwnership } from "./store-grants.js";
import { parseGrantsColumn } from "./store-offer-record.js";

/** The grant description type of storefront gifts. */
export const STORE_GIFT_GRANT_TYPE = "store-gift";

const Description = z.object({ type: z.literal(STORE_GIFT_GRANT_TYPE), purchaseId: z.string().regex(/^\d+$/) });

async function lockPurchase(ctx: ActionContext, description: GrantDescription) {
  const { purchaseId } = Description.parse(description);
  const rows = await ctx.tx.$queryRaw<Array<{ id: bigint }>>`SELECT "id" FROM "store_purchases" WHERE "id" = ${BigInt(purchaseId)} AND "is_gift" FOR UPDATE`;
  if (!rows[0]) throw new DbError(DB_ERROR_CODES.STORE_OFFER_NOT_FOUND, `No gift purchase ${purchaseId}`, { details: { purchaseId } });
  return ctx.tx.storePurchase.findUniqueOrThrow({ where: { id: BigInt(purchaseId) }, include: { offer: { select: { accountWide: true } } } });
}

const handler: MailGrantHandler = {
  async grant(ctx: ActionContext, to: GrantRecipient, description: GrantDescription): Promise<void> {
    const purchase = await lockPurchase(ctx, description);
    const grants: StoreGrant[] = parseGrantsColumn(purchase.grants);
    await lockAccount(ctx.tx, to.accountId);
    const plan = planGrants(grants, await loadOwnership(ctx.tx, to.accountId, to.characterId, ctx.now, grants));
    // Strict for gifts: owning any part refuses the claim, so the recipient can return it and the
    // buyer is refunded in full rather than paying for something granted twice.
    if (plan.owned.length > 0) {
      throw new DbError(
        DB_ERROR_CODES.STORE_ALREADY_OWNED,
        `Character ${to.characterId} already owns part of gift ${purchase.id}; return it to refund the sender`,
        {
          details: { purchaseId: purchase.id.toString(), characterId: to.characterId },
        },
      );
    }
    await applyGrants(ctx, grants, {
      accountId: to.accountId,
      characterId: to.characterId,
      accountWide: purchase.offer.accountWide,
      unlockSource: "gift",
      titleSource: "store",
      ledgerSource: "gift",
      reason: `gift ${purchase.id}`,
    });
  },
  async refund(ctx: ActionContext, to: GrantRecipient, description: GrantDescription): Promise<void> {
    const purchase = await lockPurchase(ctx, description);
    if (purchase.refundedAt !== null)
      throw new DbError(DB_ERROR_CODES.MAIL_NO_ATTACHMENT, `Gift ${purchase.id} was refunded already`, { details: { purchaseId: purchase.id.toString() } });
    if (purchase.accountId !== to.accountId) {
      throw new DbError(DB_ERROR_CODES.INTERNAL, `Gift ${purchase.id} came back to account ${to.accountId}, not its buyer ${purchase.accountId}`);
    }
    const currency = purchase.currency as "premium" | "bonus" | "gold";
    if (purchase.amountPaid > 0n) {
      await changeBalance(ctx, {
        currency,
        ...(currency === "gold" ? { characterId: purchase.characterId! } : { accountId: purchase.accountId }),
        delta: purchase.amountPaid,
        reason: `gift ${purchase.id} refund`,
        source: "gift",
      });
    }
    await ctx.tx.storePurchase.update({ where: { id: purchase.id }, data: { refundedAt: ctx.now } });
    ctx.emit({
      kind: "store.refunded",
      accountId: purchase.accountId,
      characterId: purchase.characterId,
      purchaseId: purchase.id,
      currency,
      amount: purchase.amountPaid,
    });
  },
};

/** The grant handlers of the store, by description type: pass them as `grants` to takeMailAttachment and expireMail. */
export const STORE_MAIL_GRANTS: MailGrantHandlers = { [STORE_GIFT_GRANT_TYPE]: handler };
