import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";

const Input = z.object({ accountId: IdSchema, limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) });

/** One row of the purchase history (ServerStorePurchaseHistory 0x098E is built from these). */
export interface PurchaseRecord {
  id: bigint;
  accountId: number;
  characterId: number | null;
  offerId: number;
  offerName: string;
  currency: string;
  basePrice: bigint;
  amountPaid: bigint;
  discountPercent: number;
  discountSource: string | null;
  isGift: boolean;
  recipientCharacterId: number | null;
  mailId: bigint | null;
  refundedAt: Date | null;
  createdAt: Date;
}

/** A page of the account's purchases, newest first (`limit` 1..500, default 50). `[]` for an unknown account. Throws DbError INVALID_INPUT. */
export async function listPurchases(db: DbClient, options: z.input<typeof Input>): Promise<PurchaseRecord[]> {
  const { accountId, limit, offset } = parseInput(Input, options);
  try {
    return await db.storePurchase.findMany({
      where: { accountId },
      orderBy: { id: "desc" },
      take: limit,
      skip: offset,
      select: {
        id: true,
        accountId: true,
        characterId: true,
        offerId: true,
        offerName: true,
        currency: true,
        basePrice: true,
        amountPaid: true,
        discountPercent: true,
        discountSource: true,
        isGift: true,
        recipientCharacterId: true,
        mailId: true,
        refundedAt: true,
        createdAt: true,
      },
    });
  } catch (error) {
    throw toDbError(error, `Listing the purchases of account ${accountId} failed`);
  }
}
