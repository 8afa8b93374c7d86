import { z } from "zod";
import { runTransaction, type DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isRecordNotFound, toDbError } from "../errors.js";
import { appendEvents } from "../events/append-events.js";
import { AccountRole } from "../generated/prisma/enums";
import { EmailSchema, parseInput } from "../validation.js";
import { accountSelect, type AccountRecord } from "./account-record.js";

/** Options for {@link setAccountRole}. */
export interface SetAccountRoleOptions {
  email: string;
  role: AccountRole;
}

const SetAccountRoleInput = z.object({ email: EmailSchema, role: z.enum(AccountRole) });

/**
 * Sets the role, and in the same transaction writes the account.role-changed event, on which the
 * world server updates what an online session shows (the GM flag on chat lines). Permission checks
 * never rely on that: they read the role where they are used. Throws DbError ACCOUNT_NOT_FOUND,
 * INVALID_INPUT (bad email or unknown role).
 */
export async function setAccountRole(db: DbClient, options: SetAccountRoleOptions): Promise<AccountRecord> {
  const input = parseInput(SetAccountRoleInput, options);
  try {
    return await runTransaction(db, async (tx) => {
      const account = await tx.account.update({ where: { email: input.email }, data: { role: input.role }, select: accountSelect });
      await appendEvents(tx, [{ kind: "account.role-changed", accountId: account.id, characterId: null, role: account.role }], { notify: true });
      return account;
    });
  } catch (error) {
    if (isRecordNotFound(error)) {
      throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account with email ${input.email}`, {
        cause: error,
        details: { email: input.email },
      });
    }
    throw toDbError(error, "Changing the role failed");
  }
}
