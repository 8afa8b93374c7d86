import type { Prisma } from "../generated/prisma/client";
import { lockAccount } from "./lock-account.js";

/**
 * Takes a title away in the caller's transaction, under the account row lock, clearing the active
 * title if it was this one. Throws DbError ACCOUNT_NOT_FOUND.
 */
export async function deleteTitle(tx: Prisma.TransactionClient, accountId: number, titleId: number): Promise<{ revoked: boolean; clearedActive: boolean }> {
  const active = await lockAccount(tx, accountId);
  const deleted = await tx.accountTitle.deleteMany({ where: { accountId, titleId } });
  const clearedActive = deleted.count > 0 && active === titleId;
  if (clearedActive) await tx.account.update({ where: { id: accountId }, data: { activeTitleId: null }, select: { id: true } });
  return { revoked: deleted.count > 0, clearedActive };
}
