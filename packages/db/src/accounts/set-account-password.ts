import { z } from "zod";
import { runTransaction, type DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isRecordNotFound, toDbError } from "../errors.js";
import { appendEvents } from "../events/append-events.js";
import { EmailSchema, parseInput, PasswordSchema } from "../validation.js";
import { accountSelect, type AccountRecord } from "./account-record.js";
import { hashPassword } from "./password.js";

/** Options for {@link setAccountPassword}. */
export interface SetAccountPasswordOptions {
  email: string;
  password: string;
}

const SetAccountPasswordInput = z.object({ email: EmailSchema, password: PasswordSchema });

/**
 * Replaces the password and revokes the session key, and in the same transaction writes the
 * account.sessions-revoked event, on which the world server ends the account's live session
 * wherever this was called from. Throws DbError ACCOUNT_NOT_FOUND, INVALID_INPUT (bad email, password not
 * 8..128 characters).
 */
export async function setAccountPassword(db: DbClient, options: SetAccountPasswordOptions): Promise<AccountRecord> {
  const input = parseInput(SetAccountPasswordInput, options);
  const passwordHash = await hashPassword(input.password);
  try {
    return await runTransaction(db, async (tx) => {
      const account = await tx.account.update({
        where: { email: input.email },
        data: { passwordHash, sessionKey: null, sessionKeyCreatedAt: null },
        select: accountSelect,
      });
      await appendEvents(tx, [{ kind: "account.sessions-revoked", accountId: account.id, characterId: null, reason: "password changed" }], { notify: true });
      return account;
    });
  } catch (error) {
    if (isRecordNotFound(error)) {
      throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account with email ${input.email}`, {
        cause: error,
        details: { email: input.email },
      });
    }
    throw toDbError(error, "Changing the password failed");
  }
}
