import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError, isUniqueViolation } from "../errors.js";
import { AccountRole } from "../generated/prisma/enums";
import { EmailSchema, parseInput, PasswordSchema } from "../validation.js";
import { accountSelect, type AccountRecord } from "./account-record.js";
import { hashPassword } from "./password.js";

/** Options for {@link createAccount}. */
export interface CreateAccountOptions {
  email: string;
  password: string;
  role?: AccountRole;
}

const InputSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  role: z.enum(AccountRole).default(AccountRole.player),
});

/**
 * Creates an account; the email is stored trimmed and lowercased, the password as a salted
 * scrypt hash. Throws DbError EMAIL_TAKEN (same email in any letter case), INVALID_INPUT
 * (email not an address or over 254 characters, password not 8..128 characters, unknown role).
 */
export async function createAccount(db: DbClient, options: CreateAccountOptions): Promise<AccountRecord> {
  const input = parseInput(InputSchema, options);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.account.create({
      data: { email: input.email, passwordHash, role: input.role },
      select: accountSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error, "accounts_email_key", ["email"])) {
      throw new DbError(DB_ERROR_CODES.EMAIL_TAKEN, `An account with email ${input.email} exists already`, {
        cause: error,
        details: { email: input.email },
      });
    }
    throw toDbError(error, "Creating the account failed");
  }
}
