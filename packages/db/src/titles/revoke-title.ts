import { z } from "zod";
import { runTransaction, type DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { ClientIdSchema, IdSchema, parseInput } from "../validation.js";
import { lockAccount } from "./lock-account.js";

/** Options for {@link revokeTitle}. */
export interface RevokeTitleOptions {
  accountId: number;
  titleId: number;
}

/** Result of {@link revokeTitle}. */
export interface RevokeTitleResult {
  /** False when the account did not have the title. */
  revoked: boolean;
  /** True when it was the active title, which is now cleared. */
  clearedActive: boolean;
}

/**
 * Takes a title away (a GM action): deletes the row and, in the same transaction under the
 * account row lock, clears the active title if it was this one.
 * Throws DbError ACCOUNT_NOT_FOUND, INVALID_INPUT (ids, title id outside 1..16383).
 */
export async function revokeTitle(db: DbClient, options: RevokeTitleOptions): Promise<RevokeTitleResult> {
  const input = parseInput(z.object({ accountId: IdSchema, titleId: ClientIdSchema }), options);
  try {
    return await runTransaction(db, async (tx) => {
      const active = await lockAccount(tx, input.accountId);
      const deleted = await tx.accountTitle.deleteMany({ where: { accountId: input.accountId, titleId: input.titleId } });
      const clearedActive = active === input.titleId;
      if (clearedActive) await tx.account.update({ where: { id: input.accountId }, data: { activeTitleId: null }, select: { id: true } });
      return { revoked: deleted.count > 0, clearedActive };
    });
  } catch (error) {
    throw toDbError(error, `Revoking title ${input.titleId} of account ${input.accountId} failed`);
  }
}
