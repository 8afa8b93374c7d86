// An account's VIP tier: the one an admin set (account_vip), else the highest tier its lifetime
// premium spend in the store reaches. The spend is read from the ledger (premium debits with source
// 'store' or 'gift'), the record of what was paid, so it can never drift from the money.
import { vipTierFor } from "@bezgelor/core";
import type { GameData, VipTier } from "@bezgelor/data";
import { Prisma } from "../generated/prisma/client";

/** What {@link readVipStatus} finds. */
export interface VipStatus {
  /** Premium spent in the store, ever (gifts included). */
  lifetimePremiumSpend: bigint;
  /** The tier an admin set (0: none), or null when the spend decides. */
  override: number | null;
  tier: VipTier | null;
}

/**
 * The account's lifetime store spend and its admin-set tier as two columns of a SELECT,
 * `vip_spent` and `vip_tier` (see {@link toVipStatus}): a purchase reads them with its offer's lock.
 */
export function vipColumns(accountId: number): Prisma.Sql {
  return Prisma.sql`(SELECT -SUM("delta")::bigint FROM "currency_ledger"
      WHERE "account_id" = ${accountId} AND "currency" = 'premium' AND "delta" < 0 AND "source" IN ('store', 'gift')) AS "vip_spent",
    (SELECT "tier" FROM "account_vip" WHERE "account_id" = ${accountId}) AS "vip_tier"`;
}

/** The values of {@link vipColumns}. */
export interface VipColumns {
  vip_spent: bigint | null;
  vip_tier: number | null;
}

/** The status from {@link vipColumns}' two values. */
export function toVipStatus(data: GameData, spent: bigint | number | null, tier: number | null): VipStatus {
  const lifetimePremiumSpend = spent === null ? 0n : BigInt(spent);
  const override = tier === null ? null : Number(tier);
  return { lifetimePremiumSpend, override, tier: vipTierFor(data.vipTiers.all(), lifetimePremiumSpend, override) };
}

/** The account's lifetime store spend and VIP tier, read in `tx`. */
export async function readVipStatus(tx: Prisma.TransactionClient, data: GameData, accountId: number): Promise<VipStatus> {
  // One statement: the catalog and the preview read this.
  const [row] = await tx.$queryRaw<VipColumns[]>`SELECT ${vipColumns(accountId)}`;
  return toVipStatus(data, row?.vip_spent ?? null, row?.vip_tier ?? null);
}

/**
 * The status after a store debit of `paid` premium, from `before` read earlier in the same
 * transaction under the account's lock (every store and gift purchase takes that lock before it
 * reads or writes the spend, so the ledger's spend is now `before`'s plus `paid`): no second read.
 */
export function vipStatusAfter(data: GameData, before: VipStatus, paid: bigint): VipStatus {
  const lifetimePremiumSpend = before.lifetimePremiumSpend + paid;
  return { lifetimePremiumSpend, override: before.override, tier: vipTierFor(data.vipTiers.all(), lifetimePremiumSpend, before.override) };
}
