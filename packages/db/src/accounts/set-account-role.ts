import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isRecordNotFound, toDbError } from "../errors.js";
import { AccountRole } from "../generated/prisma/enums";
import { EmailSchema, parseInput } from "../validation.js";
import { accountSelect, type AccountRecord } from "./account-record.js";

/** Options for {@link setAccountRole}. */
export interface SetAccountRoleOptions {
  email: string;
  role: AccountRole;
}

const SetAccountRoleInput = z.object({ email: EmailSchema, role: z.enum(AccountRole) });

/** Sets the role. Throws DbError ACCOUNT_NOT_FOUND, INVALID_INPUT (bad email or unknown role). */
export async function setAccountRole(db: DbClient, options: SetAccountRoleOptions): Promise<AccountRecord> {
  const input = parseInput(SetAccountRoleInput, options);
  try {
    return await db.account.update({ where: { email: input.email }, data: { role: input.role }, select: accountSelect });
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
