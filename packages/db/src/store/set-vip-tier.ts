// `bezgelor vip set`: an admin sets an account's VIP tier (0: none), or clears the setting so the
// lifetime spend decides again. Reaching a tier this way pays its one-time rewards like spending does.
import type { GameData } from "@bezgelor/data";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { formatActor } from "../actions/actor.js";
import { runTransaction, type DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import { lockAccount } from "../titles/lock-account.js";
import { IdSchema, parseInput } from "../validation.js";
import { readVipStatus, type VipStatus } from "./vip-status.js";
import { payVipRewards } from "./vip-rewards.js";

/** What {@link setVipTier} did. */
export interface SetVipTierResult {
  accountId: number;
  status: VipStatus;
  /** Tiers whose one-time rewards were paid now. */
  rewardsPaid: number[];
}

/**
 * Sets the account's VIP tier (`tier` 0: none; `null`: by lifetime spend again) and pays the
 * one-time rewards of every tier up to the new one not paid before. Throws DbError
 * ACCOUNT_NOT_FOUND, INVALID_INPUT (a tier the data does not define); nothing changes then.
 */
export const setVipTier = defineAction({
  name: "store.vip-set",
  input: z.object({ accountId: IdSchema, tier: z.number().int().min(0).max(100).nullable() }),
  describe: (i) => `Setting the VIP tier of account ${i.accountId} to ${i.tier ?? "by spend"}`,
  async run(ctx, i): Promise<SetVipTierResult> {
    await lockAccount(ctx.tx, i.accountId);
    if (i.tier !== null && i.tier !== 0 && !ctx.rules.data.vipTiers.has(i.tier)) {
      throw new DbError(DB_ERROR_CODES.INVALID_INPUT, `No VIP tier ${i.tier}`, { details: { tier: i.tier } });
    }
    if (i.tier === null) await ctx.tx.accountVip.deleteMany({ where: { accountId: i.accountId } });
    else {
      const values = { tier: i.tier, setBy: formatActor(ctx.actor), setAt: ctx.now };
      await ctx.tx.accountVip.upsert({ where: { accountId: i.accountId }, create: { accountId: i.accountId, ...values }, update: values });
    }
    const status = await readVipStatus(ctx.tx, ctx.rules.data, i.accountId);
    return { accountId: i.accountId, status, rewardsPaid: await payVipRewards(ctx, i.accountId, status.tier) };
  },
});

const GetVipStatusInput = z.object({ accountId: IdSchema });

/** The account's lifetime store spend and VIP tier. Throws DbError INVALID_INPUT, INTERNAL. */
export async function getVipStatus(db: DbClient, options: { data: GameData; accountId: number }): Promise<VipStatus> {
  const { accountId } = parseInput(GetVipStatusInput, { accountId: options.accountId });
  try {
    return await runTransaction(db, (tx) => readVipStatus(tx, options.data, accountId));
  } catch (error) {
    throw toDbError(error, `Reading the VIP tier of account ${accountId} failed`);
  }
}
